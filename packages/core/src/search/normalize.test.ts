import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldDiacritics, normalizeText, tokenize } from './normalize.ts';

const normalized: Array<[string, string, string]> = [
  ['English is lower-cased', 'Reset PASSWORD', 'reset password'],
  ['Vietnamese keeps its diacritics, composed (NFC)', 'Mật Khẩu', 'mật khẩu'],
  ['Vietnamese typed with combining marks (NFD) becomes NFC', 'Ma\u0323\u0302t', 'mật'],
  ['Arabic yeh and kaf become Persian ی and ک', 'كيف پول', 'کیف پول'],
  ['the zero-width non-joiner is removed, joining the word as people type it', 'می\u200cتوانید', 'میتوانید'],
  ['tashkeel is removed', 'مُحَمَّد', 'محمد'],
  ['Persian and Arabic-Indic digits become ASCII', 'سفارش ۴۸۲۱ و ٤٨٢١', 'سفارش 4821 و 4821'],
  ['tatweel is removed', 'سـلام', 'سلام'],
];
for (const [name, input, expected] of normalized) {
  test(`normalizeText: ${name}`, () => assert.equal(normalizeText(input), expected));
}

const folded: Array<[string, string, string]> = [
  ['Vietnamese without diacritics', 'mật khẩu đơn hàng', 'mat khau don hang'],
  ['every Vietnamese tone and vowel mark', 'ằẳẵặ ờởỡợ ừửữự ỳỷỹỵ', 'aaaa oooo uuuu yyyy'],
  ['Persian alef with madda folds to alef', 'آدرس', 'ادرس'],
  ['English is unchanged', 'refund', 'refund'],
];
for (const [name, input, expected] of folded) {
  test(`foldDiacritics: ${name}`, () => assert.equal(foldDiacritics(normalizeText(input)), expected));
}

test('tokenize splits on punctuation and spaces in every script', () => {
  assert.deepEqual(tokenize(normalizeText('Đổi mật khẩu? (bước 1)')), ['đổi', 'mật', 'khẩu', 'bước', '1']);
  assert.deepEqual(tokenize(normalizeText('رمز عبور، فراموش‌شده!')), ['رمز', 'عبور', 'فراموششده']);
  assert.deepEqual(tokenize(normalizeText("can't log-in")), ['can', 't', 'log', 'in']);
});
