import { simpleParser } from 'mailparser';
import type { AddressObject, Attachment, EmailAddress, HeaderLines, ParsedMail } from 'mailparser';
import { classifyEmail } from '@tandem/core';
import type { EmailKind } from '@tandem/core';
import { withoutControls } from '../../platform/storable-text.ts';
import { emailHtmlToText, sanitizeEmailHtml } from './sanitize-email-html.ts';

export interface InboundAttachment {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
  inline: boolean;
  /** Without angle brackets, as `cid:` URLs name it. */
  contentId: string | null;
}

export interface InboundEmail {
  messageId: string | null;
  from: { address: string; name: string | null };
  to: string[];
  cc: string[];
  /** From Delivered-To and X-Original-To: the address the mail reached, which To may not show (Bcc, aliases). */
  deliveredTo: string[];
  subject: string;
  date: Date | null;
  inReplyTo: string | null;
  references: string[];
  /** Plain text; converted from the HTML when there is no text part. */
  text: string;
  /** Sanitized. */
  html: string | null;
  attachments: InboundAttachment[];
  kind: EmailKind;
  authentication: { spf: string | null; dkim: string | null; dmarc: string | null };
  /** For bounces: the Message-IDs of our messages that bounced. */
  bouncedMessageIds: string[];
}

export interface InboundEmailLimits {
  maxAttachments: number;
  maxAttachmentBytes: number;
}

export type ParseInboundEmailResult =
  | { kind: 'parsed'; email: InboundEmail; dropped: string[] }
  | { kind: 'malformed'; reason: string };

const ADDRESS = /^[^\s@<>\p{Cc}]+@[^\s@<>\p{Cc}]+$/u;
const MESSAGE_ID = /<[^<>\s\p{Cc}]+>/gu;
const MESSAGE_ID_ALONE = /^<[^<>\s\p{Cc}]+@[^<>\s\p{Cc}]+>$/u;
const HEADERS_WITH_ORIGINAL = ['message/rfc822', 'message/rfc822-headers', 'text/rfc822-headers', 'message/global', 'message/global-headers'];

// windows-1258 writes Vietnamese tone marks as combining characters, other clients send them
// precomposed: one NFC form keeps search, dedup and equality working across both.
// Controls go: NUL and friends break Postgres text and terminals.
const cleanText = (text: string): string => withoutControls(text.replace(/\r\n?/g, '\n')).normalize('NFC');

/** Unfolded raw values of a header, in order. mailparser hands header lines over as binary strings. */
function headerValues(lines: HeaderLines, key: string): string[] {
  return lines
    .filter((line) => line.key === key)
    .map((line) => Buffer.from(line.line.slice(line.line.indexOf(':') + 1), 'latin1').toString('utf8'))
    .map((value) => value.replace(/\r?\n[ \t]+/g, ' ').trim());
}

// An empty Content-Type header comes back as `false`, whatever the type definitions say. Controls
// out: a NUL in it reaches the stored message's JSON, which PostgreSQL refuses (jsonb has no \u0000).
const typeOf = (a: Attachment): string => {
  const type = typeof a.contentType === 'string' ? withoutControls(a.contentType).trim().toLowerCase() : '';
  return type !== '' ? type : 'application/octet-stream';
};

const firstHeader = (lines: HeaderLines, key: string): string | undefined => headerValues(lines, key)[0];

/** Message-IDs keep their angle brackets, which is how In-Reply-To and References quote them. */
function messageIds(value: string | undefined): string[] {
  const bracketed = (value ?? '').match(MESSAGE_ID);
  if (bracketed) return bracketed;
  return (value ?? '').split(/\s+/).map((id) => `<${id}>`).filter((id) => MESSAGE_ID_ALONE.test(id));
}

function addresses(objects: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const flat = (list: EmailAddress[]): EmailAddress[] => list.flatMap((a) => (Array.isArray(a?.group) ? flat(a.group) : [a]));
  return flat([objects ?? []].flat().flatMap((o) => o?.value ?? [])).filter((a) => typeof a?.address === 'string' && ADDRESS.test(a.address));
}

const bareAddress = (value: string): string => (/<([^<>]*)>/.exec(value)?.[1] ?? value).trim();

function parseDate(lines: HeaderLines): Date | null {
  // mailparser swaps an unparsable Date for the time of parsing; a made-up time is worse than none.
  const date = new Date(firstHeader(lines, 'date') ?? '');
  return Number.isNaN(date.getTime()) ? null : date;
}

function authentication(lines: HeaderLines): InboundEmail['authentication'] {
  // The topmost Authentication-Results is the one our own MTA added; lower ones came with the mail.
  const results = firstHeader(lines, 'authentication-results') ?? '';
  const method = (name: string): string | null =>
    new RegExp(`(?:^|[;\\s])${name}\\s*=\\s*([a-z]+)`, 'i').exec(results)?.[1]?.toLowerCase() ?? null;
  const receivedSpf = /^([a-z]+)/i.exec(firstHeader(lines, 'received-spf') ?? '')?.[1]?.toLowerCase() ?? null;
  return { spf: method('spf') ?? receivedSpf, dkim: method('dkim'), dmarc: method('dmarc') };
}

function classify(mail: ParsedMail, from: string): EmailKind {
  const lines = mail.headerLines;
  return classifyEmail({
    autoSubmitted: firstHeader(lines, 'auto-submitted'),
    precedence: firstHeader(lines, 'precedence'),
    xAutoreply: firstHeader(lines, 'x-autoreply'),
    xAutorespond: firstHeader(lines, 'x-autorespond'),
    xAutoResponseSuppress: firstHeader(lines, 'x-auto-response-suppress'),
    listId: firstHeader(lines, 'list-id'),
    listUnsubscribe: firstHeader(lines, 'list-unsubscribe'),
    returnPath: firstHeader(lines, 'return-path'),
    from,
    // report-type is read from it by classifyEmail.
    contentType: firstHeader(lines, 'content-type'),
    subject: mail.subject,
  });
}

/**
 * The original's Message-ID, wherever the DSN carries it: a returned headers or message part, the
 * decoded text, or the raw body (an inline message/rfc822 is rendered into the text without it).
 */
function bouncedMessageIds(mail: ParsedMail, text: string, raw: Buffer, ownId: string | null): string[] {
  const returned = mail.attachments
    .filter((a) => HEADERS_WITH_ORIGINAL.includes(typeOf(a)))
    .map((a) => a.content.toString('utf8').replace(/\r\n/g, '\n').split('\n\n', 1)[0] ?? '');
  const rawText = raw.toString('latin1');
  const rawBody = rawText.slice(/\r?\n\r?\n/.exec(rawText)?.index ?? rawText.length).replace(/\r\n/g, '\n');
  const found = [...returned, text, rawBody].flatMap((block) =>
    [...block.replace(/\n[ \t]+/g, ' ').matchAll(/^[ \t]*Message-ID:[ \t]*(.*)$/gim)].flatMap((m) => messageIds(m[1]).slice(0, 1)),
  );
  return [...new Set(found)].filter((id) => id !== ownId);
}

function keepAttachments(all: Attachment[], limits: InboundEmailLimits): { kept: InboundAttachment[]; dropped: string[] } {
  const kept: InboundAttachment[] = [];
  const dropped: string[] = [];
  all.forEach((a, i) => {
    // Path separators and controls out: the name may end up on a disk or in a header.
    const filename = cleanText(typeof a.filename === 'string' ? a.filename : '').replace(/[/\\\n\t]/g, '_').trim() || `attachment-${i + 1}`;
    if (a.size > limits.maxAttachmentBytes) {
      dropped.push(`${filename}: ${a.size} bytes, over the ${limits.maxAttachmentBytes}-byte limit`);
    } else if (kept.length >= limits.maxAttachments) {
      dropped.push(`${filename}: more than ${limits.maxAttachments} attachments`);
    } else {
      const inline = a.contentDisposition === 'inline' || a.related === true;
      kept.push({ filename, contentType: typeOf(a), size: a.size, content: a.content, inline, contentId: a.cid ?? null });
    }
  });
  return { kept, dropped };
}

interface Parsed {
  raw: Buffer;
  mail: ParsedMail;
  sender: EmailAddress & { address: string };
}

function toInboundEmail({ raw, mail, sender }: Parsed, limits: InboundEmailLimits): { email: InboundEmail; dropped: string[] } {
  const lines = mail.headerLines;
  // A text part wins; without one (html-only, or html inside multipart/mixed, where mailparser
  // converts nothing) the text comes from the sanitized HTML.
  const html = typeof mail.html === 'string' ? sanitizeEmailHtml(cleanText(mail.html)) : null;
  const plain = typeof mail.text === 'string' ? cleanText(mail.text) : '';
  const text = plain.trim() === '' && html !== null ? cleanText(emailHtmlToText(html)) : plain;
  const messageId = messageIds(firstHeader(lines, 'message-id'))[0] ?? null;
  const kind = classify(mail, sender.address);
  const { kept, dropped } = keepAttachments(mail.attachments, limits);
  const email: InboundEmail = {
    messageId,
    from: { address: sender.address, name: cleanText(sender.name).trim() || null },
    to: addresses(mail.to).map((a) => a.address ?? ''),
    cc: addresses(mail.cc).map((a) => a.address ?? ''),
    deliveredTo: [...new Set(['delivered-to', 'x-original-to'].flatMap((key) => headerValues(lines, key)).map(bareAddress))].filter((a) => ADDRESS.test(a)),
    subject: cleanText(typeof mail.subject === 'string' ? mail.subject : '').replace(/\n/g, ' ').trim(),
    date: parseDate(lines),
    inReplyTo: messageIds(firstHeader(lines, 'in-reply-to'))[0] ?? null,
    references: messageIds(headerValues(lines, 'references').join(' ')),
    text,
    html,
    attachments: kept,
    kind,
    authentication: authentication(lines),
    bouncedMessageIds: kind === 'bounce' ? bouncedMessageIds(mail, text, raw, messageId) : [],
  };
  return { email, dropped };
}

/** Parses a raw RFC 5322 message. Malformed mail is an outcome, not an error: it never rejects. */
export async function parseInboundEmail(raw: Buffer, limits: InboundEmailLimits): Promise<ParseInboundEmailResult> {
  let mail: ParsedMail;
  try {
    // skipHtmlToText: mailparser converts only a top-level html part, copying image (tracking
    // pixel) URLs into the text; emailHtmlToText covers every shape from the sanitized HTML.
    mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipHtmlToText: true, checksumAlgo: false });
  } catch (error) {
    return { kind: 'malformed', reason: `unparsable: ${error instanceof Error ? error.message : String(error)}` };
  }
  const [sender] = addresses(mail.from);
  if (sender?.address === undefined) return { kind: 'malformed', reason: 'no From address' };
  const { email, dropped } = toInboundEmail({ raw, mail, sender: { ...sender, address: sender.address } }, limits);
  return { kind: 'parsed', email, dropped };
}
