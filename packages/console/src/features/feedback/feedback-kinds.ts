import type { FeedbackItem } from '@tandem/protocol';

export type FeedbackKind = FeedbackItem['kind'];

// The tabs, in order. Types only come from protocol: a value import would bundle zod.
export const FEEDBACK_TABS = ['csat', 'article', 'bot', 'handoff'] as const satisfies readonly FeedbackKind[];

export const isFeedbackKind = (value: string | undefined): value is FeedbackKind => (FEEDBACK_TABS as readonly (string | undefined)[]).includes(value);

// Fails to compile when protocol gains a kind that has no tab.
const _everyKindHasATab: Exclude<FeedbackKind, (typeof FEEDBACK_TABS)[number]> extends never ? true : never = true;
