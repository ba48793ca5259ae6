import type { Locale } from '../vocabulary.ts';
import { foldDiacritics, normalizeText } from '../search/normalize.ts';
import { ENGLISH_WORDS, SHARED_WORDS, VIETNAMESE_WORDS } from './common-words.ts';
import { isVietnameseSyllable } from './vietnamese-syllable.ts';

export interface DetectedLanguage {
  locale: Locale | null;
  /** 0 to 1: the winner's share of the evidence, lowered when there is little of it. */
  confidence: number;
}

const ARABIC_LETTER = /(?=\p{L})\p{Script=Arabic}/gu;
const LATIN_WORD = /(?:(?=\p{L})\p{Script=Latin})+/gu;
// Letters only Vietnamese writes (the Latin Extended Additional block is Vietnamese-only) versus
// letters it shares with French or Spanish loanwords in English ("café", "jalapeño").
const VIETNAMESE_LETTER = /[\u1EA0-\u1EF9ăđĩũơư]/;
const SHARED_LETTER = /[àáâãèéêìíòóôõùúý]/;
const NON_ASCII = /[^a-z]/;
// Below this share of Arabic-script letters, a message is Latin text quoting a Persian name.
const MIN_ARABIC_SHARE = 0.25;
// Votes needed for full confidence: one word ("hi") is a weak hint.
const FULL_EVIDENCE = 3;

/**
 * Which of Tandem's languages a customer wrote in. Arabic script is Persian; Latin script is
 * Vietnamese or English, told apart word by word: Vietnamese-only letters, then very common
 * words of either language, then whether the word could be a Vietnamese syllable at all (so
 * "toi muon doi mat khau" is Vietnamese). Text with no Latin or Arabic letters (emoji, digits,
 * other scripts), and an exact tie, give `locale: null`.
 */
export function detectLanguage(text: string): DetectedLanguage {
  const normalized = normalizeText(text);
  const arabic = normalized.match(ARABIC_LETTER)?.length ?? 0;
  const words = normalized.match(LATIN_WORD) ?? [];
  const latin = words.reduce((sum, word) => sum + word.length, 0);
  if (arabic + latin === 0) return { locale: null, confidence: 0 };
  const arabicShare = arabic / (arabic + latin);
  if (arabicShare >= MIN_ARABIC_SHARE) return { locale: 'fa', confidence: round(arabicShare) };
  let vi = 0;
  let en = 0;
  for (const word of words) {
    const vote = voteFor(word);
    if (vote > 0) vi += vote;
    else en -= vote;
  }
  if (vi === en) return { locale: null, confidence: 0 };
  const share = Math.max(vi, en) / (vi + en);
  return { locale: vi > en ? 'vi' : 'en', confidence: round(share * Math.min(1, (vi + en) / FULL_EVIDENCE)) };
}

// Positive votes for Vietnamese, negative for English.
function voteFor(word: string): number {
  if (VIETNAMESE_LETTER.test(word)) return 2;
  const folded = foldDiacritics(word);
  if (SHARED_LETTER.test(word)) return isVietnameseSyllable(folded) ? 2 : -1;
  if (NON_ASCII.test(word)) return -1;
  if (word.length === 1 && word !== 'i') return 0; // a spelled-out letter ("b. b. c.")
  if (SHARED_WORDS.has(word)) return 0;
  if (ENGLISH_WORDS.has(word)) return -1;
  if (VIETNAMESE_WORDS.has(word)) return 1;
  // Names and loanwords ("spotify", "radio") appear in both languages: shape is weak evidence.
  return isVietnameseSyllable(word) ? 0.5 : -0.5;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
