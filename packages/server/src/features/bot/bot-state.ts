import type { FlowState, Locale, RankedIntent } from '@tandem/core';

/** The bot's memory of one conversation, stored with it (bot_sessions), so it survives restarts and days. */
export interface BotState {
  flow: FlowState | null;
  /** Every slot flows have filled in this conversation, kept after the flow ends (the handoff packet lists them). */
  slots: Record<string, string>;
  /** Turns in a row the bot did not understand; two in a row hand off. */
  lowConfidenceStreak: number;
  /** Intents recognized so far, most recent last (the handoff packet lists them). */
  intents: RankedIntent[];
  articlesShown: Array<{ key: string; title: string }>;
  /** The customer's last texts, to notice a repeated question. */
  recentTexts: string[];
  /** Two intents offered when the bot could not tell them apart. */
  clarify: [string, string] | null;
  language: Locale | null;
  /** The customer's segments when last looked at (the handoff packet names them). */
  segments: string[];
}

export const newBotState = (): BotState => ({ flow: null, slots: {}, lowConfidenceStreak: 0, intents: [], articlesShown: [], recentTexts: [], clarify: null, language: null, segments: [] });

/** A stored state read back, tolerant of fields added since it was written. */
export function readBotState(stored: Record<string, unknown> | null): BotState {
  return { ...newBotState(), ...(stored as Partial<BotState> | null) };
}

export const rememberLast = <T>(list: readonly T[], item: T, keep: number): T[] => [...list, item].slice(-keep);

/** The slots collected so far, the current flow's last. */
export const collectedSlots = (state: BotState | null): Record<string, string> => ({ ...state?.slots, ...state?.flow?.slots });
