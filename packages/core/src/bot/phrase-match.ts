import { foldDiacritics, normalizeText, tokenize } from '../search/normalize.ts';

/** The words of a phrase, in the same form as the message words they are compared with. */
export type Phrase = readonly string[];
/** Where a phrase occurs in a message: word positions, `end` exclusive. */
export interface PhraseMatch {
  start: number;
  end: number;
}

/** Words without diacritics: "Nhân viên" and "nhan vien" both give ["nhan", "vien"]. */
export function foldedWords(text: string): string[] {
  return tokenize(foldDiacritics(normalizeText(text)));
}

/** Words keeping their diacritics, for the few whose folded form means something else. */
export function exactWords(text: string): string[] {
  return tokenize(normalizeText(text));
}

// Persian attaches pronouns and plurals to the word: "اپراتورتون" (your operator), "عصبانیم" (I am
// angry). Only these endings count, so "مدیریت" (management) is not "مدیر" (manager).
const PERSIAN_SUFFIX = /^(?:م|ت|ش|مان|تان|شان|مون|تون|شون|ها|های|ی|ای|ید|ه)$/;
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;

function isSameWord(token: string, word: string): boolean {
  if (token === word) return true;
  return ARABIC_SCRIPT.test(word) && token.startsWith(word) && PERSIAN_SUFFIX.test(token.slice(word.length));
}

/** Every occurrence of every phrase among the words. */
export function findPhrases(words: readonly string[], phrases: readonly Phrase[]): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  for (const phrase of phrases) {
    for (let start = 0; start + phrase.length <= words.length; start++) {
      if (phrase.every((word, i) => isSameWord(words[start + i] ?? '', word))) found.push({ start, end: start + phrase.length });
    }
  }
  return found;
}
