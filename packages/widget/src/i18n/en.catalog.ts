import type { Catalog } from './catalog.ts';

export const enCatalog = {
  launcher: {
    open: 'Open chat',
    openWithUnread_one: 'Open chat, {{count, number}} unread message',
    openWithUnread_other: 'Open chat, {{count, number}} unread messages',
    close: 'Close chat',
  },
  header: {
    close: 'Close',
    greeting: 'Hi! How can we help?',
    open: 'We usually reply within minutes',
    awayUntil: "We're away right now — back {{time}}. Leave a message and we'll reply here and by email.",
    away: "We're away right now. Leave a message and we'll reply here and by email.",
  },
  email: {
    label: 'Your email',
    placeholder: 'you@example.com',
    submit: 'Send me a link',
    sending: 'Sending…',
    sent: 'Check your inbox: we sent a link to {{email}}. Open it on any device to continue this conversation.',
    invalid: 'Please enter a valid email address.',
    continueElsewhere: 'Continue on another device',
    welcomeBack: 'Welcome back — your conversation is here.',
  },
  guides: {
    label: 'Guided help',
    close: 'Close the guide',
  },
  search: {
    label: 'Search help articles',
    placeholder: 'Search our help center',
    results_one: '{{count, number}} article found',
    results_other: '{{count, number}} articles found',
    empty: 'No articles found for “{{query}}”.',
    failed: "Search isn't available right now.",
  },
  conversation: {
    label: 'Conversation',
    empty: "Send us a message — we're here to help.",
    startedOn: 'Conversation from {{date}}',
    waiting: "Waiting for a person — we'll reply here as soon as someone is free.",
    queuePosition_one: "You're next in line.",
    queuePosition_other: "You're number {{count, number}} in line.",
    expectedWait_one: 'Expected wait: about {{count, number}} minute.',
    expectedWait_other: 'Expected wait: about {{count, number}} minutes.',
    typingNamed: '{{name}} is typing…',
    typing: 'Someone is typing…',
    suggestedReplies: 'Suggested replies',
  },
  author: {
    customer: 'You',
    agent: 'Support team',
    bot: 'Assistant',
    system: 'Update',
  },
  status: {
    queued: 'Sending…',
    sent: 'Sent',
    seen: 'Seen',
    failed: 'Not sent',
    retry: 'Retry',
    delete: 'Delete',
  },
  attachment: {
    download: 'Download {{name}} ({{size}})',
  },
  handoff: {
    button: 'Talk to a person',
    confirmed: "A person will reply here. You can close this page — we'll keep the conversation.",
    failed: "We couldn't reach the team just now. Please try again.",
  },
  composer: {
    label: 'Message',
    placeholder: 'Write a message…',
    send: 'Send',
    attach: 'Attach a file',
    uploading: 'Uploading {{name}}…',
    tooLong: 'Messages can be up to {{max, number}} characters.',
  },
  upload: {
    tooLarge: '“{{name}}” is too large. Files can be up to {{max}}.',
    typeNotAllowed: '“{{name}}” can’t be sent: this type of file isn’t accepted.',
    failed: "The file couldn't be uploaded. Please try again.",
  },
  offline: {
    banner: "Can't reach us right now. Your messages are saved and will be sent when the connection is back.",
  },
  error: {
    generic: 'Something went wrong. Please try again.',
    magicLinkInvalid: 'This sign-in link is invalid or has expired. Enter your email to get a new one.',
    dismiss: 'Dismiss',
  },
  title: {
    flash_one: '({{count, number}}) New message · {{title}}',
    flash_other: '({{count, number}}) New messages · {{title}}',
  },
} satisfies Catalog;
