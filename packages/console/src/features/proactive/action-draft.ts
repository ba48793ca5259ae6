import { ACTION_KINDS, type ActionKind, type TriggerKind } from '@tandem/core';
import type { ProactiveRule } from '@tandem/protocol';
import { localizedBody, localizedDraft, type LocalizedDraft } from '../admin/localized-text.ts';

type Action = ProactiveRule['action'];

export interface QuickReplyDraft {
  key: number;
  text: LocalizedDraft;
}

/** An action as the form holds it: every kind's fields at once, so switching kinds loses nothing typed. */
export interface ActionDraft {
  kind: ActionKind;
  text: LocalizedDraft;
  quickReplies: QuickReplyDraft[];
  articleIds: string[];
  guideId: string;
  subject: string;
  openConversation: boolean;
}

export const MAX_QUICK_REPLIES = 5;
export const MAX_ARTICLES = 5;

/**
 * A business event happens away from the site (an order is late), so it can only send a message
 * over the customer's channel; a message over a channel is only for business events.
 */
export function actionKindsFor(trigger: TriggerKind): ActionKind[] {
  return trigger === 'business_event' ? ['send_message'] : ACTION_KINDS.filter((kind) => kind !== 'send_message');
}

export function actionDraft(action?: Action): ActionDraft {
  return {
    kind: action?.kind ?? 'bot_message',
    text: localizedDraft(action?.text),
    quickReplies: action?.kind === 'bot_message' ? action.quickReplies.map((text, key) => ({ key, text: localizedDraft(text) })) : [],
    articleIds: action?.kind === 'suggest_articles' ? action.articleIds : [],
    guideId: action?.kind === 'open_guide' ? action.guideId : '',
    subject: action?.kind === 'send_message' ? (action.subject ?? '') : '',
    openConversation: action?.kind === 'send_message' ? action.openConversation : false,
  };
}

export const emptyQuickReply = (rows: readonly QuickReplyDraft[]): QuickReplyDraft => ({ key: Math.max(-1, ...rows.map((r) => r.key)) + 1, text: localizedDraft() });

export function actionBody(draft: ActionDraft): Action {
  const text = localizedBody(draft.text);
  switch (draft.kind) {
    case 'bot_message':
      // An empty reply is sent as it is: the server's message then lands on its own row.
      return { kind: 'bot_message', text, quickReplies: draft.quickReplies.map((reply) => localizedBody(reply.text)) };
    case 'open_guide':
      return { kind: 'open_guide', guideId: draft.guideId, text };
    case 'suggest_articles':
      return { kind: 'suggest_articles', articleIds: draft.articleIds, text };
    case 'offer_person':
      return { kind: 'offer_person', text };
    case 'send_message': {
      const subject = draft.subject.trim();
      return { kind: 'send_message', text, ...(subject ? { subject } : {}), openConversation: draft.openConversation };
    }
  }
}

/** The action's fields on screen, each showing the server's messages for its path. */
export function actionPaths(draft: ActionDraft): string[] {
  const paths = ['action.kind', 'action.text'];
  if (draft.kind === 'bot_message') paths.push(...draft.quickReplies.map((_, i) => `action.quickReplies.${i}`), 'action.quickReplies');
  if (draft.kind === 'suggest_articles') paths.push('action.articleIds');
  if (draft.kind === 'open_guide') paths.push('action.guideId');
  if (draft.kind === 'send_message') paths.push('action.subject');
  return paths;
}
