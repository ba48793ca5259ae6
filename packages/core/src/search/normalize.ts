// Text normalization for search, per the languages Tandem speaks. Pure: the same function runs
// when indexing and when querying, so both sides always agree.

// Arabic code points Persian writers and keyboards mix in, mapped to the Persian letters.
const PERSIAN_LETTERS: Record<string, string> = {
  'ي': 'ی', // ARABIC YEH
  'ى': 'ی', // ALEF MAKSURA
  'ك': 'ک', // ARABIC KAF
  'ة': 'ه', // TEH MARBUTA
  'ۀ': 'ه', // HEH WITH YEH ABOVE
  'أ': 'ا',
  'إ': 'ا',
  'ٱ': 'ا',
  'ؤ': 'و',
};
const PERSIAN_LETTER = /[يىكةۀأإٱؤ]/g;
// Tashkeel (short vowels, shadda, sukun...), superscript alef, and tatweel (a stretching stroke).
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;
// Zero-width non-joiner and joiner: written inside Persian words (می‌شود), often omitted when typing.
const ZERO_WIDTH = /[\u200C\u200D\u200B\uFEFF]/g;
const EASTERN_DIGIT = /[\u06F0-\u06F9\u0660-\u0669]/g;
const COMBINING_MARK = /[\u0300-\u036F]/g;

function asciiDigit(digit: string): string {
  const code = digit.charCodeAt(0);
  return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
}

/**
 * Canonical form of text for matching, keeping letters' diacritics: Unicode NFC, lower case,
 * Persian letter variants unified, Arabic vowel marks and zero-width joiners removed, Persian
 * and Arabic-Indic digits as ASCII digits.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(ZERO_WIDTH, '')
    .replace(PERSIAN_LETTER, (c) => PERSIAN_LETTERS[c]!)
    .replace(ARABIC_MARKS, '')
    .replace(EASTERN_DIGIT, asciiDigit);
}

/**
 * `normalizeText` without diacritics: "mật khẩu" → "mat khau", "đơn" → "don", "آ" → "ا". Indexed
 * beside the exact form, so a query typed without diacritics still matches, while a query with
 * the right diacritics matches both and ranks higher.
 */
export function foldDiacritics(normalized: string): string {
  return normalized.normalize('NFD').replace(COMBINING_MARK, '').replace(/[\u0653-\u0655]/g, '').replace(/đ/g, 'd').normalize('NFC');
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The words of normalized text (letters, digits and their marks; everything else separates). */
export function tokenize(normalized: string): string[] {
  return normalized.match(WORD) ?? [];
}
