import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findPersonalData, ibanValid, iranNationalCodeValid, luhnValid, maskPersonalData } from './personal-data.ts';

const kinds = (text: string) => findPersonalData(text).map((s) => s.kind);
const token = (text: string) => maskPersonalData(text).text;

describe('check digits', () => {
  it('Luhn accepts a valid card and refuses one digit off', () => {
    assert.equal(luhnValid('4111111111111111'), true);
    assert.equal(luhnValid('4111111111111112'), false);
  });

  it('IBAN mod-97 accepts published examples, with or without spaces, and refuses a typo', () => {
    assert.equal(ibanValid('GB82 WEST 1234 5698 7654 32'), true);
    assert.equal(ibanValid('IR062960000000100324200001'), true);
    assert.equal(ibanValid('GB82 WEST 1234 5698 7654 33'), false);
  });

  it("Iran's national code check digit", () => {
    assert.equal(iranNationalCodeValid('0499370899'), true);
    assert.equal(iranNationalCodeValid('0499370898'), false);
    assert.equal(iranNationalCodeValid('1111111111'), false, 'a repeated digit is not a code');
  });
});

describe('findPersonalData', () => {
  it('finds a card typed with spaces or dashes, and not a number failing Luhn', () => {
    assert.deepEqual(kinds('My card is 4111 1111 1111 1111, thanks'), ['card']);
    assert.deepEqual(kinds('card 4111-1111-1111-1111'), ['card']);
    assert.deepEqual(kinds('tracking 4111111111111112'), []);
    assert.deepEqual(kinds('I only got $20 of $100 4111 1111 1111 1111'), ['card'], 'an amount just before it does not hide it');
  });

  it('finds a card written in Persian digits', () => {
    assert.deepEqual(kinds('شماره کارتم ۶۰۳۷-۹۹۷۵-۱۹۱۹-۹۳۸۵ است'), ['card']);
  });

  it('finds e-mails, including non-ASCII local parts', () => {
    assert.deepEqual(kinds('write to nguyễn.an@example.com.vn today'), ['email']);
  });

  it('finds phones with a country prefix, a trunk zero or an area code, in any digits', () => {
    assert.deepEqual(kinds('call +84 912 345 678 or 0912345678 or (555) 123-4567'), ['phone', 'phone', 'phone']);
    assert.deepEqual(kinds('شماره من ۰۹۱۲۱۲۳۴۵۶۷ است'), ['phone']);
  });

  it('finds an IBAN and national ids', () => {
    assert.deepEqual(kinds('IBAN DE89 3704 0044 0532 0130 00 please'), ['iban']);
    assert.deepEqual(kinds('SSN 123-45-6789'), ['national_id']);
    assert.deepEqual(kinds('CCCD 001203012345'), ['national_id']);
    assert.deepEqual(kinds('کد ملی 0499370899'), ['national_id']);
  });

  it('leaves order numbers, amounts and dates alone', () => {
    for (const text of ['order LT-10234 arrived 12/05', 'order 10234567', 'total 1500000 VND on 2026-11-23', 'pay 2.500.000đ', 'version 10.4.2']) {
      assert.deepEqual(kinds(text), [], text);
    }
  });
});

describe('maskPersonalData', () => {
  it('token style replaces each finding with its kind and keeps the rest', () => {
    assert.equal(token('card 4111 1111 1111 1111 or mail a@b.co'), 'card [card] or mail [email]');
    assert.deepEqual(maskPersonalData('nothing here').found, []);
  });

  it('partial style keeps the last four digits of a card or account and the domain of an e-mail', () => {
    const masked = maskPersonalData('4111 1111 1111 1111 / an@example.com / IR062960000000100324200001', 'partial').text;
    assert.equal(masked, '[card ••1111] / •••@example.com / [iban ••0001]');
  });

  it('masks Persian text in place, right-to-left words untouched', () => {
    assert.equal(token('لطفا به ۰۹۱۲۱۲۳۴۵۶۷ زنگ بزنید'), 'لطفا به [phone] زنگ بزنید');
  });

  it('is idempotent: masking masked text changes nothing', () => {
    const once = token('4111111111111111 and +98 912 123 4567 and x@y.io');
    assert.equal(token(once), once);
  });
});

describe('hostile input', () => {
  it('a 10,000-character message of any one shape is scanned in bounded time', () => {
    for (const text of ['a'.repeat(10_000), 'س'.repeat(10_000), '1'.repeat(10_000), '1 '.repeat(5_000), '1-'.repeat(5_000), 'a@'.repeat(5_000), 'a.'.repeat(5_000)]) {
      const start = performance.now();
      findPersonalData(text);
      // Quadratic patterns took 0.1–1.5 s here; linear ones take a few milliseconds.
      assert.ok(performance.now() - start < 250, `${text.slice(0, 4)}… took ${Math.round(performance.now() - start)} ms`);
    }
  });
});
