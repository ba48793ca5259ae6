import { share } from './duration-stat.ts';

/** How long after a help-center session a conversation still counts as following it. */
export const SELF_SERVICE_WINDOW_HOURS = 24;

export interface HelpSession {
  startedAt: Date;
  searched: boolean;
  readArticle: boolean;
  /** The customer's first conversation started at or after `startedAt`; null if none. */
  conversationStartedAt: Date | null;
}

export interface SelfServiceRate {
  sessions: number;
  resolved: number;
  /** `resolved / sessions` to 4 decimals; null with no sessions. */
  rate: number | null;
}

export interface BotContainment {
  botConversations: number;
  contained: number;
  rate: number | null;
}

const HOUR_MS = 3_600_000;

/**
 * Help-center sessions that tried to help themselves (searched or read an article), and those
 * that did not lead to a conversation within 24 h of the session's start, in
 * [startedAt, startedAt + 24 h). A session is counted only once its 24 h are over (at
 * `now` ≥ startedAt + 24 h); a conversation started before the session does not follow it.
 */
export function selfServiceSessions(sessions: readonly HelpSession[], now: Date): SelfServiceRate {
  const windowMs = SELF_SERVICE_WINDOW_HOURS * HOUR_MS;
  let counted = 0;
  let resolved = 0;
  for (const session of sessions) {
    const start = session.startedAt.getTime();
    if (!(session.searched || session.readArticle) || now.getTime() < start + windowMs) continue;
    counted++;
    const conversation = session.conversationStartedAt?.getTime() ?? null;
    const isFollowed = conversation !== null && conversation >= start && conversation < start + windowMs;
    if (!isFollowed) resolved++;
  }
  return { sessions: counted, resolved, rate: share(resolved, counted) };
}

/**
 * Conversations the bot handled, and those it contained: resolved without a handoff to a
 * person. Whether the customer came back later is `honestResolution`'s question, not this one.
 */
export function botContainment(conversations: ReadonlyArray<{ botHandled: boolean; handedOff: boolean; resolved: boolean }>): BotContainment {
  const handled = conversations.filter((c) => c.botHandled);
  const contained = handled.filter((c) => c.resolved && !c.handedOff).length;
  return { botConversations: handled.length, contained, rate: share(contained, handled.length) };
}
