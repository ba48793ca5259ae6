import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSlotKind, validateSlot, type SlotKind } from './slot-validators.ts';

const now = new Date('2026-03-01T23:30:00Z');

// [kind, what it shows, input, canonical value or null for "ask again"]
const answers: Array<[SlotKind, string, string, string | null]> = [
  ['email', 'is lower-cased', ' Ana@Example.COM ', 'ana@example.com'],
  ['email', 'is found in a sentence', 'email me at a@b.co.', 'a@b.co'],
  ['email', 'needs a domain with a dot', 'ana@example', null],
  ['email', 'needs an @', 'ana.example.com', null],
  ['phone', 'keeps the + and drops spaces, dashes and parentheses', '+84 (90) 123-4567', '+84901234567'],
  ['phone', 'without a + is stored as digits', '090 123 4567', '0901234567'],
  ['phone', 'in Persian digits', '۰۹۱۲ ۳۴۵ ۶۷۸۹', '09123456789'],
  ['phone', 'in Arabic-Indic digits', '٠٩١٢٣٤٥٦٧٨٩', '09123456789'],
  ['phone', 'is found in a sentence, skipping shorter numbers', 'call me at 5 on +84 90 123 4567 thanks', '+84901234567'],
  ['phone', 'with a + inside parentheses', '(+84) 90 123 4567', '+84901234567'],
  ['phone', 'of 6 digits is too short', '123456', null],
  ['phone', 'of 16 digits is too long', '1234567890123456', null],
  ['order_number', 'is upper-cased without its #', '#a-1042', 'A-1042'],
  ['order_number', 'is found in a sentence', 'my order is #A-1042 please', 'A-1042'],
  ['order_number', 'after punctuation', 'order: (A-1042).', 'A-1042'],
  ['order_number', 'written with # wins over other numbers', 'I ordered 300 items in #B77', 'B77'],
  ['order_number', 'in Persian digits', 'سفارش ۱۰۴۲', '1042'],
  ['order_number', 'needs a digit', 'ABCDEF', null],
  ['order_number', 'needs 3 characters', 'A1', null],
  ['order_number', 'has at most 32 characters', `A${'1'.repeat(32)}`, null],
  ['date', 'ISO', '2026-02-28', '2026-02-28'],
  ['date', 'ISO with one-digit month and day', 'on 2026-3-9 please', '2026-03-09'],
  ['date', 'day first', '31/12/2026', '2026-12-31'],
  ['date', 'on 29 February of a leap year', '29/02/2028', '2028-02-29'],
  ['date', 'on 29 February of another year is impossible', '29/02/2026', null],
  ['date', 'on 30 February is impossible', '2026-02-30', null],
  ['date', 'in month 13 is impossible', '2026-13-01', null],
  ['date', 'today is the UTC date of now', 'today', '2026-03-01'],
  ['date', 'tomorrow crosses the month', 'Tomorrow, please', '2026-03-02'],
  ['date', 'yesterday crosses the month', 'yesterday', '2026-02-28'],
  ['date', 'Vietnamese "hôm nay"', 'hôm nay', '2026-03-01'],
  ['date', 'Vietnamese "ngày mai" typed without diacritics', 'ngay mai nhe', '2026-03-02'],
  ['date', 'Vietnamese "hôm qua" typed without diacritics', 'Hom qua', '2026-02-28'],
  ['date', 'Persian "فردا"', 'فردا', '2026-03-02'],
  ['date', 'Persian "دیروز" typed with an Arabic yeh', 'ديروز', '2026-02-28'],
  ['date', 'Persian digits', '۱۴/۰۲/۲۰۲۶', '2026-02-14'],
  ['date', 'a word that is not a day', 'soon', null],
  ['number', 'whole', '42', '42'],
  ['number', 'decimal with a point', 'about 2.5 kg', '2.5'],
  ['number', 'negative', '-3', '-3'],
  ['number', 'Persian digits and decimal separator', '۲٫۵', '2.5'],
  ['number', 'at the end of a sentence', 'I want 3.', '3'],
  ['number', 'with a comma is ambiguous, so asked again', '1,500', null],
  ['number', 'with an Arabic thousands separator is asked again too', '۱٬۵۰۰', null],
  ['number', 'missing', 'a few', null],
  ['text', 'is trimmed', '  the box was damaged  ', 'the box was damaged'],
  ['text', 'may not be blank', '   ', null],
  ['text', 'of 500 characters is accepted', 'é'.repeat(500), 'é'.repeat(500)],
  ['text', 'of 501 characters is refused', 'x'.repeat(501), null],
];

for (const [kind, name, input, expected] of answers) {
  test(`${kind} ${name}: ${JSON.stringify(input.slice(0, 40))}`, () => {
    assert.deepEqual(validateSlot(kind, input, now), expected === null ? { ok: false } : { ok: true, value: expected });
  });
}

test('slot kinds are a closed set', () => {
  assert.equal(isSlotKind('email'), true);
  assert.equal(isSlotKind('postcode'), false);
});
