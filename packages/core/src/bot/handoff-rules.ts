import { foldDiacritics } from '../search/normalize.ts';
import { exactWords, findPhrases, foldedWords, type Phrase, type PhraseMatch } from './phrase-match.ts';
import * as phrases from './handoff-phrases.ts';

const PERSON = phrases.PERSON_PHRASES.map(foldedWords);
const REQUEST_BEFORE = phrases.REQUEST_BEFORE.map(foldedWords);
const REQUEST_EITHER_SIDE = phrases.REQUEST_EITHER_SIDE.map(foldedWords);
const NEGATIONS = phrases.NEGATIONS.map(foldedWords);
const FILLERS = phrases.FILLERS.map(foldedWords);
const NEGATIVE_FOLDED = phrases.NEGATIVE_FOLDED.map(foldedWords);
const NEGATIVE_EXACT = phrases.NEGATIVE_EXACT.map(exactWords);
const NOT_BEFORE = new Set(phrases.NOT_BEFORE.flatMap(foldedWords));
const NOT_AFTER = new Set(phrases.NOT_AFTER.flatMap(foldedWords));

// Words allowed between a request and the person: "talk to a real person", "connect me with an agent".
const MAX_GAP = 3;
// Words other than the person and fillers in a message that is a request by itself: "agent now
// please" is, "my travel agent booked it" is not.
const MAX_OTHER_WORDS = 1;
// How far back a negation reaches ("don't want to talk to"); it also covers a request inside it
// ("không cần", where "cần" is a request).
const NEGATION_REACH = 2;

/**
 * Whether the customer asks for a person, in English, Vietnamese (with or without diacritics) or
 * Persian. Either the message is short and names a person ("agent", "nhân viên ơi", "اپراتور"),
 * or a request is near a person word ("can I speak to someone", "cho tôi gặp nhân viên",
 * "با یک انسان صحبت کنم"), and no negation precedes it ("I don't need an agent").
 */
export function asksForPerson(text: string): boolean {
  const words = foldedWords(text);
  const persons = findPhrases(words, PERSON);
  if (persons.length === 0) return false;
  const negations = findPhrases(words, NEGATIONS);
  const isNegated = (at: PhraseMatch) => negations.some((n) => n.start < at.start && at.start - n.end <= NEGATION_REACH);
  const before = findPhrases(words, REQUEST_BEFORE).filter((r) => !isNegated(r));
  const eitherSide = findPhrases(words, REQUEST_EITHER_SIDE).filter((r) => !isNegated(r));
  const isRequested = persons.some(
    (p) => before.some((r) => p.start >= r.end && p.start - r.end <= MAX_GAP) || eitherSide.some((r) => gap(r, p) <= MAX_GAP),
  );
  if (isRequested) return true;
  if (negations.length > 0) return false;
  const covered = new Set([...persons, ...findPhrases(words, FILLERS)].flatMap(({ start, end }) => range(start, end)));
  return words.length - covered.size <= MAX_OTHER_WORDS;
}

export const FRUSTRATION_SIGNALS = ['repeated', 'negative', 'shouting', 'punctuation'] as const;
export type FrustrationSignal = (typeof FRUSTRATION_SIGNALS)[number];
export interface Frustration {
  frustrated: boolean;
  signals: FrustrationSignal[];
}

// Only the last few messages: asking again much later is a new question, not impatience.
const REPEAT_WINDOW = 3;
const REPEAT_SIMILARITY = 0.8;
// "yes", "ok", "order 4821" are naturally sent twice when the bot asks twice.
const MIN_REPEATED_WORDS = 3;
const SHOUTED_WORD = /(?:(?=\p{L})\p{Script=Latin}){3,}/gu;
const MIN_SHOUTED_WORDS = 2;
const SHOUTED_SHARE = 0.7;
const REPEATED_MARKS = /[!?؟]{3,}/;

/**
 * Signs that the customer is losing patience. Asking the same thing again or using unhappy words
 * is enough to count as frustrated. Capitals and "!!!" or "???" alone are not: some people type
 * in capitals or stress every question, and acronyms ("ATM PIN") look like shouting; both
 * together are.
 */
export function detectFrustration(text: string, previousCustomerTexts: readonly string[]): Frustration {
  const signals: FrustrationSignal[] = [];
  if (isRepeated(foldedWords(text), previousCustomerTexts.slice(-REPEAT_WINDOW))) signals.push('repeated');
  if (hasNegativeWords(text)) signals.push('negative');
  if (isShouting(text)) signals.push('shouting');
  if (REPEATED_MARKS.test(text)) signals.push('punctuation');
  const has = (signal: FrustrationSignal) => signals.includes(signal);
  return { frustrated: has('repeated') || has('negative') || (has('shouting') && has('punctuation')), signals };
}

export interface RankedIntent {
  intent: string;
  confidence: number;
}
export interface IntentPolicy {
  kind: 'reply' | 'flow' | 'articles';
  sensitive: boolean;
  complaint: boolean;
}
export interface TurnInput {
  text: string;
  /** Classifier output, best first; empty while a workspace has no model. */
  ranked: readonly RankedIntent[];
  /** Below it the bot is not sure. */
  threshold: number;
  /** The top two both at least `threshold * 0.75` and this close: ask which one was meant. */
  clarifyMargin: number;
  intents: ReadonlyMap<string, IntentPolicy>;
  /** Consecutive previous turns that were not understood. */
  lowConfidenceStreak: number;
  previousCustomerTexts: readonly string[];
  /** The workspace's segment or vertical wants a person on every conversation. */
  humanFirst: boolean;
  /** Not-understood turns in a row that hand off (2 by default; 1 where a vertical escalates fast, or a hybrid service). */
  missesBeforeHandoff?: number;
}
export const HANDOFF_REASONS = ['asked', 'low_confidence', 'sensitive', 'complaint', 'frustration', 'policy', 'flow'] as const;
export type HandoffReason = (typeof HANDOFF_REASONS)[number];
export type TurnDecision =
  | { kind: 'empty' }
  | { kind: 'handoff'; reason: HandoffReason; intent?: RankedIntent }
  | { kind: 'intent'; intent: RankedIntent }
  | { kind: 'clarify'; options: [RankedIntent, RankedIntent] }
  | { kind: 'not_sure' };

// Close runners-up may sit a little under the threshold: asking beats guessing or giving up.
const CLARIFY_FLOOR = 0.75;
// "Within the margin" includes the margin itself, whatever binary floating point makes of 0.8 - 0.7.
const ROUNDING = 1e-9;

/**
 * What the bot does with one customer message, first rule that applies:
 * 1. nothing to read (blank, emoji, punctuation) → `empty`;
 * 2. the customer asks for a person → handoff `asked`;
 * 3. the workspace is human-first → handoff `policy`;
 * 4. the customer is frustrated → handoff `frustration`;
 * 5. a confident intent that is sensitive or a complaint → handoff with that reason and intent;
 * 6. the top two intents are close → `clarify`;
 * 7. a confident intent → `intent`;
 * 8. otherwise `not_sure`, or handoff `low_confidence` at the `missesBeforeHandoff`-th such turn
 *    in a row (the second, unless told otherwise). Handoff `flow` is decided by a flow's own step, never here.
 * Intents the workspace no longer has (a model trained before one was deleted) are ignored.
 */
export function decideTurn(input: TurnInput): TurnDecision {
  if (foldedWords(input.text).length === 0) return { kind: 'empty' };
  if (asksForPerson(input.text)) return { kind: 'handoff', reason: 'asked' };
  if (input.humanFirst) return { kind: 'handoff', reason: 'policy' };
  if (detectFrustration(input.text, input.previousCustomerTexts).frustrated) return { kind: 'handoff', reason: 'frustration' };
  const [top, second] = input.ranked.filter((ranked) => input.intents.has(ranked.intent));
  const isConfident = top !== undefined && top.confidence >= input.threshold;
  const policy = top && input.intents.get(top.intent);
  if (isConfident && policy?.sensitive) return { kind: 'handoff', reason: 'sensitive', intent: top };
  if (isConfident && policy?.complaint) return { kind: 'handoff', reason: 'complaint', intent: top };
  if (top && second && isClose(top, second, input)) return { kind: 'clarify', options: [top, second] };
  if (isConfident) return { kind: 'intent', intent: top };
  return input.lowConfidenceStreak + 1 >= (input.missesBeforeHandoff ?? 2) ? { kind: 'handoff', reason: 'low_confidence' } : { kind: 'not_sure' };
}

function isClose(top: RankedIntent, second: RankedIntent, input: TurnInput): boolean {
  const floor = input.threshold * CLARIFY_FLOOR;
  return second.confidence >= floor && top.confidence >= floor && top.confidence - second.confidence <= input.clarifyMargin + ROUNDING;
}

function isRepeated(words: readonly string[], previous: readonly string[]): boolean {
  const current = new Set(words);
  if (current.size < MIN_REPEATED_WORDS) return false;
  return previous.some((text) => jaccard(current, new Set(foldedWords(text))) >= REPEAT_SIMILARITY);
}

function hasNegativeWords(text: string): boolean {
  return hasUnhappy(foldedWords(text), NEGATIVE_FOLDED) || hasUnhappy(exactWords(text), NEGATIVE_EXACT);
}

function hasUnhappy(words: readonly string[], unhappy: readonly Phrase[]): boolean {
  const folded = words.map(foldDiacritics);
  const isCancelled = ({ start, end }: PhraseMatch) => NOT_BEFORE.has(folded[start - 1] ?? '') || NOT_AFTER.has(folded[end] ?? '');
  return findPhrases(words, unhappy).some((match) => !isCancelled(match));
}

function isShouting(text: string): boolean {
  const words = text.normalize('NFC').match(SHOUTED_WORD) ?? [];
  const shouted = words.filter((word) => word === word.toUpperCase()).length;
  return shouted >= MIN_SHOUTED_WORDS && shouted / words.length >= SHOUTED_SHARE;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const shared = [...a].filter((word) => b.has(word)).length;
  return shared / (a.size + b.size - shared);
}

function gap(a: PhraseMatch, b: PhraseMatch): number {
  return a.end <= b.start ? b.start - a.end : a.start - b.end;
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}
