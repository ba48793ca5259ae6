import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EMAIL_KINDS, classifyEmail, isAnswerable } from './auto-submitted.ts';
import type { EmailClassificationHeaders, EmailKind } from './auto-submitted.ts';

const customer = { from: 'Bob <bob@example.com>', subject: 'My order has not arrived' };

describe('classifyEmail', () => {
  const cases: Array<[string, EmailClassificationHeaders, EmailKind]> = [
    ['a customer writing', customer, 'personal'],
    ['Auto-Submitted: no is a person', { ...customer, autoSubmitted: 'no' }, 'personal'],
    ['Auto-Submitted: auto-replied (RFC 3834)', { ...customer, autoSubmitted: 'auto-replied' }, 'auto_reply'],
    ['Auto-Submitted: auto-generated with a comment', { ...customer, autoSubmitted: 'auto-generated (vacation)' }, 'auto_reply'],
    ['Auto-Submitted with an unknown value', { ...customer, autoSubmitted: 'auto-notified' }, 'auto_reply'],
    ['Precedence: auto_reply', { ...customer, precedence: 'auto_reply' }, 'auto_reply'],
    ['X-Autoreply: yes', { ...customer, xAutoreply: 'yes' }, 'auto_reply'],
    ['X-Autorespond', { ...customer, xAutorespond: 'Out of office' }, 'auto_reply'],
    ['X-Auto-Response-Suppress: All (Exchange)', { ...customer, xAutoResponseSuppress: 'All' }, 'auto_reply'],
    ['X-Auto-Response-Suppress: DR, OOF', { ...customer, xAutoResponseSuppress: 'DR, OOF' }, 'auto_reply'],
    ['X-Auto-Response-Suppress: DR only', { ...customer, xAutoResponseSuppress: 'DR' }, 'personal'],
    ['subject "Out of Office:"', { ...customer, subject: 'Out of Office: My order' }, 'auto_reply'],
    ['subject "Automatic reply:"', { ...customer, subject: 'Automatic reply: My order' }, 'auto_reply'],
    ['subject "Auto:"', { ...customer, subject: 'Auto: My order' }, 'auto_reply'],
    ['subject in Vietnamese', { ...customer, subject: 'Trả lời tự động: Đơn hàng' }, 'auto_reply'],
    ['subject in Vietnamese, decomposed', { ...customer, subject: 'Trả lời tự động: Đơn hàng'.normalize('NFD') }, 'auto_reply'],
    ['subject in Persian', { ...customer, subject: 'پاسخ خودکار: سفارش' }, 'auto_reply'],
    ['a question about office hours is a person', { ...customer, subject: 'Out of office hours support?' }, 'personal'],
    ['a subject about cars is a person', { ...customer, subject: 'Automobile insurance' }, 'personal'],
    ['Precedence: bulk', { ...customer, precedence: 'bulk' }, 'bulk'],
    ['Precedence: junk', { ...customer, precedence: 'Junk' }, 'bulk'],
    ['Precedence: list', { ...customer, precedence: 'list' }, 'bulk'],
    ['List-Id', { ...customer, listId: '<news.shop.example>' }, 'bulk'],
    ['List-Unsubscribe', { ...customer, listUnsubscribe: '<mailto:unsub@shop.example>' }, 'bulk'],
    ['an auto-reply from a list is an auto-reply', { ...customer, listId: '<x>', autoSubmitted: 'auto-replied' }, 'auto_reply'],
    [
      'multipart/report; report-type=delivery-status',
      { from: 'mx@mail.example', contentType: 'multipart/report; report-type=delivery-status; boundary="b"' },
      'bounce',
    ],
    ['report type given apart', { contentType: 'multipart/report', reportType: 'delivery-status' }, 'bounce'],
    ['From MAILER-DAEMON', { from: 'Mail Delivery System <MAILER-DAEMON@mx.example.com>', subject: 'Undelivered Mail' }, 'bounce'],
    ['From postmaster', { from: 'postmaster@example.com' }, 'bounce'],
    ['a DSN that also says auto-replied is a bounce', { from: 'mailer-daemon@x.example', autoSubmitted: 'auto-replied' }, 'bounce'],
    ['null Return-Path with a failure subject', { returnPath: '<>', from: 'mx@x.example', subject: 'Delivery Status Notification (Failure)' }, 'bounce'],
    ['null Return-Path with an untyped report', { returnPath: ' < > ', contentType: 'multipart/report' }, 'bounce'],
    ['null Return-Path alone is an auto-reply at most', { ...customer, returnPath: '<>' }, 'personal'],
    ['a read receipt', { ...customer, contentType: 'multipart/report; report-type=disposition-notification' }, 'auto_reply'],
    ['nothing at all', {}, 'personal'],
  ];
  for (const [name, headers, kind] of cases) {
    it(name, () => assert.equal(classifyEmail(headers), kind));
  }
});

describe('isAnswerable', () => {
  for (const kind of EMAIL_KINDS) {
    it(`${kind} → ${kind === 'personal'}`, () => assert.equal(isAnswerable(kind), kind === 'personal'));
  }
});
