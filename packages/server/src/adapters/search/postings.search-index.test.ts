import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Locale } from '@tandem/core';
import { createPostingsIndex } from './postings.search-index.ts';
import type { SearchDocument } from './search-index.ts';

const doc = (id: string, locale: Locale, title: string, extra: Partial<SearchDocument> = {}): SearchDocument => ({
  id,
  locale,
  title,
  sampleQuestions: [],
  summary: '',
  body: '',
  views: 0,
  helpful: 0,
  notHelpful: 0,
  ...extra,
});

const index = createPostingsIndex();
index.replaceAll([
  doc('vi-password', 'vi', 'Đặt lại mật khẩu', { sampleQuestions: ['quên mật khẩu'], body: 'Bấm "Quên mật khẩu" trên trang đăng nhập.' }),
  doc('vi-mat', 'vi', 'Mắt kính và mặt hàng trưng bày', { body: 'mặt hàng mắt kính mát' }),
  doc('vi-address', 'vi', 'Đổi địa chỉ giao hàng', { summary: 'Sửa địa chỉ trước khi đơn được gửi đi.' }),
  doc('fa-password', 'fa', 'بازیابی رمز عبور', { sampleQuestions: ['رمزم را فراموش کرده‌ام'], body: 'روی «فراموشی رمز» بزنید.' }),
  doc('fa-order', 'fa', 'پیگیری سفارش', { body: 'کد رهگیری سفارش ۴۸۲۱ را وارد کنید.' }),
  doc('en-refund', 'en', 'When will I get my refund?', { sampleQuestions: ['refund timeline'], body: 'Refunds are processed within 5 days.' }),
  doc('en-cancel', 'en', 'Cancel an order', { body: 'You can cancel orders that have not shipped.' }),
  doc('en-track', 'en', 'Track your parcel', { body: 'Use the tracking number in your shipping email.' }),
]);
const top = (query: string, locale: Locale) => index.search(query, { locale, limit: 5 }).map((h) => h.id);

describe('search', () => {
  it('finds Vietnamese with or without diacritics, and ranks the exact diacritics first', () => {
    assert.equal(top('mật khẩu', 'vi')[0], 'vi-password');
    assert.equal(top('mat khau', 'vi')[0], 'vi-password');
    assert.equal(top('doi dia chi', 'vi')[0], 'vi-address');
    // "mắt" (eye) and "mặt" (face) fold to "mat" too: with the right diacritics, the right article leads.
    assert.equal(top('mặt hàng', 'vi')[0], 'vi-mat');
  });

  it('finds Persian whatever the keyboard: Arabic ي/ك, missing ZWNJ, Persian digits', () => {
    assert.equal(top('رمز عبور', 'fa')[0], 'fa-password');
    assert.equal(top('فراموش كرده ام', 'fa')[0], 'fa-password');
    assert.equal(top('سفارش 4821', 'fa')[0], 'fa-order');
    assert.equal(top('پيگيري', 'fa')[0], 'fa-order');
  });

  it('stems English, tolerates typos and completes the word being typed', () => {
    assert.equal(top('refunding', 'en')[0], 'en-refund');
    assert.equal(top('cancelled orders', 'en')[0], 'en-cancel');
    assert.equal(top('refnud', 'en')[0], 'en-refund');
    assert.equal(top('track my parc', 'en')[0], 'en-track');
  });

  it('matches a word the index knows as written, and a word it does not know with typos allowed', () => {
    const words = createPostingsIndex();
    words.replaceAll([doc('cart', 'en', 'Empty cart'), doc('card', 'en', 'Card declined')]);
    const found = (query: string) => words.search(query, { locale: 'en', limit: 5 }).map((h) => h.id);
    // "card" is a word of the index: "cart", one letter away, is another word, not a typo of it.
    assert.deepEqual(found('card'), ['card']);
    // Once no article uses "card", it is an unknown word again, and typos may reach "cart".
    words.remove('card');
    assert.deepEqual(found('card'), ['cart']);
  });

  it('completes a Vietnamese syllable from two letters when they carry diacritics', () => {
    const typing = createPostingsIndex();
    typing.replaceAll([doc('damaged', 'vi', 'Hàng bị hỏng'), doc('hotline', 'vi', 'Gọi hotline hoặc hỏi nhân viên')]);
    const found = (query: string) => typing.search(query, { locale: 'vi', limit: 5 }).map((h) => h.id);
    assert.deepEqual(found('hỏ').sort(), ['damaged', 'hotline']);
    assert.equal(found('hàng hỏ')[0], 'damaged');
    // Without diacritics, two letters ("ho") would start a good part of the vocabulary: not completed yet.
    assert.deepEqual(found('ho'), []);
  });

  it('keeps locales apart, and an empty or symbol-only query finds nothing', () => {
    assert.deepEqual(top('refund', 'vi'), []);
    assert.deepEqual(top('  ?! ', 'en'), []);
  });

  it('helpful votes and views break ties between equally good matches', () => {
    const votes = createPostingsIndex();
    votes.replaceAll([doc('a', 'en', 'Gift cards'), doc('b', 'en', 'Gift cards', { helpful: 40, notHelpful: 1, views: 5000 })]);
    assert.deepEqual(votes.search('gift cards', { locale: 'en', limit: 2 }).map((h) => h.id), ['b', 'a']);
  });

  it('updates and removals take effect at once', () => {
    const live = createPostingsIndex();
    live.upsert(doc('x', 'en', 'Loyalty points'));
    assert.deepEqual(live.search('loyalty', { locale: 'en', limit: 5 }).map((h) => h.id), ['x']);
    live.upsert(doc('x', 'en', 'Reward stars'));
    assert.deepEqual(live.search('loyalty', { locale: 'en', limit: 5 }), []);
    live.remove('x');
    assert.deepEqual(live.search('reward', { locale: 'en', limit: 5 }), []);
    assert.equal(live.size(), 0);
  });
  it('reuses the slot of a removed article without mixing the two up', () => {
    const slots = createPostingsIndex();
    slots.replaceAll([doc('old', 'en', 'Loyalty points'), doc('keep', 'en', 'Gift cards')]);
    slots.remove('old');
    slots.upsert(doc('new', 'en', 'Shipping rates'));
    assert.deepEqual(slots.search('loyalty', { locale: 'en', limit: 5 }), []);
    assert.deepEqual(slots.search('shipping', { locale: 'en', limit: 5 }).map((h) => h.id), ['new']);
    assert.deepEqual(slots.search('gift', { locale: 'en', limit: 5 }).map((h) => h.id), ['keep']);
    assert.equal(slots.size(), 2);
  });

  it('forgets removed words for completion and typos too', () => {
    const gone = createPostingsIndex();
    gone.replaceAll([doc('a', 'en', 'Warranty claims'), doc('b', 'en', 'Warehouse pickup')]);
    assert.deepEqual(gone.search('warr', { locale: 'en', limit: 5 }).map((h) => h.id), ['a']);
    gone.remove('a');
    assert.deepEqual(gone.search('warr', { locale: 'en', limit: 5 }), []);
    assert.deepEqual(gone.search('warranyt', { locale: 'en', limit: 5 }), []);
  });

  it('moves an article to another locale when an update changes it', () => {
    const moved = createPostingsIndex();
    moved.upsert(doc('x', 'en', 'Refund policy'));
    moved.upsert(doc('x', 'vi', 'Chính sách hoàn tiền'));
    assert.deepEqual(moved.search('refund', { locale: 'en', limit: 5 }), []);
    assert.deepEqual(moved.search('hoàn tiền', { locale: 'vi', limit: 5 }).map((h) => h.id), ['x']);
    assert.equal(moved.size(), 1);
  });

  it('returns at most limit hits, best first', () => {
    const many = createPostingsIndex();
    many.replaceAll(Array.from({ length: 30 }, (_, i) => doc(`d${i}`, 'en', i === 7 ? 'Returns and returns policy' : `Returns ${i}`)));
    const hits = many.search('returns policy', { locale: 'en', limit: 3 });
    assert.equal(hits.length, 3);
    assert.equal(hits[0]!.id, 'd7');
    assert.ok(hits[0]!.score >= hits[1]!.score && hits[1]!.score >= hits[2]!.score);
  });
});
