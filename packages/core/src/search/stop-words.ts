import type { Locale } from '../vocabulary.ts';

// Words so common in support questions that they say nothing about which article answers:
// left out of the index and of queries, which also keeps every search from scoring every
// article. Short lists on purpose: "not", "no", "không", "نه" stay, they change meaning.
const WORDS: Record<Locale, string> = {
  en: 'a an and are as at be by can could do does for from has have how i if in into is it its me my of on or our please so that the their then there this to was we what when where which who why will with would you your',
  vi: 'à ạ anh bạn bị cho chị có của cùng đã đang để được em gì hãy khi là làm lại mà mình này nào nên như những rồi sao sẽ tại thì tôi và vào với vẫn',
  fa: 'آیا از اگر اما این او ای با باید برای به بود بودن تا چه چطور چگونه در را روی شما که کجا کدام من می هم همه هر و وقتی یا یک',
};

const SETS = Object.fromEntries(Object.entries(WORDS).map(([locale, words]) => [locale, new Set(words.split(" "))])) as unknown as Record<Locale, ReadonlySet<string>>;

/** Whether a normalized word carries no meaning for search in this locale. */
export function isStopWord(word: string, locale: Locale): boolean {
  return SETS[locale].has(word);
}
