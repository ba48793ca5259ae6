import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { REPLY_ABOVE_MARKER, extractReply } from './reply-text.ts';

interface Case {
  name: string;
  text: string;
  reply: string;
  quoted?: boolean;
  signatureRemoved?: boolean;
}

const cases: Case[] = [
  {
    name: 'Gmail in English: attribution and ">" block',
    text: 'Thanks, that worked!\r\n\r\nOn Mon, 3 Jun 2024 at 10:00, Ann <ann@example.com> wrote:\r\n> Please restart the router.\r\n> \r\n> Ann\r\n',
    reply: 'Thanks, that worked!',
    quoted: true,
  },
  {
    name: 'Gmail in English: attribution wrapped over two lines',
    text: 'Yes, order #4821.\n\nOn Mon, 3 Jun 2024 at 10:00, Support Team <support+c-abc@demo.tandem.test>\nwrote:\n\n> Which order is it?\n',
    reply: 'Yes, order #4821.',
    quoted: true,
  },
  {
    name: 'Gmail in Vietnamese',
    text: 'Dạ em cảm ơn ạ.\n\nVào 10:00 Th 2, 3 thg 6, 2024 Ann <ann@example.com> đã viết:\n> Anh vui lòng khởi động lại modem.\n',
    reply: 'Dạ em cảm ơn ạ.',
    quoted: true,
  },
  {
    name: 'Gmail in Vietnamese, "Vào lúc" form, decomposed tone marks',
    text: 'Được rồi.\n\nVào lúc 10:00 Thứ Hai, ngày 3 tháng 6 năm 2024, Ann <ann@example.com> đã viết:'.normalize('NFD') + '\n> Chào anh\n',
    reply: 'Được rồi.'.normalize('NFD'),
    quoted: true,
  },
  {
    name: 'Persian "در تاریخ … نوشت:"',
    text: 'ممنون، مشکل حل شد.\n\nدر تاریخ دوشنبه ۳ ژوئن ۲۰۲۴ ساعت ۱۰:۰۰، Ann <ann@example.com> نوشت:\n> لطفاً مودم را دوباره راه‌اندازی کنید.\n',
    reply: 'ممنون، مشکل حل شد.',
    quoted: true,
  },
  {
    name: "Gmail's Persian attribution with bidi marks, sender first",
    text: 'سلام، هنوز کار نمی‌کند.\n\n\u202b\u202aAnn\u202c\u200f <\u202aann@example.com\u202c\u200f> در تاریخ دوشنبه ۳ ژوئن ۲۰۲۴ ساعت ۱۰:۰۰ نوشت:\u202c\n\n> لطفاً دوباره امتحان کنید.\n',
    reply: 'سلام، هنوز کار نمی‌کند.',
    quoted: true,
  },
  {
    name: 'a Persian sentence ending in "نوشت:" without a date stays',
    text: 'او در نامه‌اش نوشت:\nسفارش نرسیده است.',
    reply: 'او در نامه‌اش نوشت:\nسفارش نرسیده است.',
    quoted: false,
  },
  {
    name: 'interleaved answers keep every answer',
    text: 'On Tue, 4 Jun 2024 at 09:00, Ann <ann@example.com> wrote:\n> What is your order number?\n4821\n> And your postcode?\nSW1A 1AA\n',
    reply: '4821\nSW1A 1AA',
    quoted: true,
  },
  {
    name: 'Outlook: -----Original Message-----',
    text: 'Please cancel it.\r\n\r\n-----Original Message-----\r\nFrom: Support <support@demo.tandem.test>\r\nSent: Monday, June 3, 2024 10:00 AM\r\nTo: Bob <bob@example.com>\r\nSubject: Your order\r\n\r\nYour order shipped.\r\n',
    reply: 'Please cancel it.',
    quoted: true,
  },
  {
    name: 'Outlook: underscore separator then From:/Sent:',
    text: 'See attached.\n\n________________________________\nFrom: Support <support@demo.tandem.test>\nSent: Monday, June 3, 2024 10:00\nTo: Bob\nSubject: Re: Invoice\n\nWe need a copy.',
    reply: 'See attached.',
    quoted: true,
  },
  {
    name: 'Outlook in Vietnamese: Từ / Đã gửi',
    text: 'Em gửi lại ảnh ạ.\n\nTừ: Hỗ trợ <support@demo.tandem.test>\nĐã gửi: Thứ Hai, 3 tháng 6, 2024 10:00\nĐến: Bình\nChủ đề: Đơn hàng\n\nChị gửi giúp em ảnh.',
    reply: 'Em gửi lại ảnh ạ.',
    quoted: true,
  },
  {
    name: 'Outlook in Persian: از / ارسال شده',
    text: 'عکس را فرستادم.\n\nاز: پشتیبانی <support@demo.tandem.test>\nارسال شده: دوشنبه، ۳ ژوئن ۲۰۲۴ ۱۰:۰۰\nبه: داریوش\nموضوع: سفارش\n\nلطفاً عکس بفرستید.',
    reply: 'عکس را فرستادم.',
    quoted: true,
  },
  {
    name: 'our reply marker and everything below it',
    text: `Got it, thanks\n\n${REPLY_ABOVE_MARKER}\n\nEmma (Support) replied:\nYour refund is on its way.`,
    reply: 'Got it, thanks',
    quoted: true,
  },
  {
    name: 'Apple Mail: Sent from my iPhone above the attribution',
    text: 'On my way to the store now\n\nSent from my iPhone\n\nOn Jun 3, 2024, at 10:00, Ann <ann@example.com> wrote:\n\n> Is the parcel there?\n',
    reply: 'On my way to the store now',
    quoted: true,
    signatureRemoved: true,
  },
  {
    name: 'Vietnamese iPhone trailer',
    text: 'Em nhận được rồi ạ.\n\nGửi từ iPhone của tôi',
    reply: 'Em nhận được rồi ạ.',
    quoted: false,
    signatureRemoved: true,
  },
  {
    name: 'Persian iPhone trailer',
    text: 'دریافت کردم.\n\nارسال شده از iPhone من',
    reply: 'دریافت کردم.',
    signatureRemoved: true,
  },
  {
    name: 'a last line about a place is not a trailer',
    text: 'Hàng đã tới.\nGửi từ Hà Nội\n\nبسته رسید.\nارسال شده از تهران',
    reply: 'Hàng đã tới.\nGửi từ Hà Nội\n\nبسته رسید.\nارسال شده از تهران',
    signatureRemoved: false,
  },
  {
    name: 'RFC 3676 signature delimiter',
    text: 'The printer jams on page 2.\n\n-- \nBob Smith\nACME Ltd | +44 20 7946 0000\n',
    reply: 'The printer jams on page 2.',
    quoted: false,
    signatureRemoved: true,
  },
  {
    name: 'Apple Mail forward is the message itself',
    text: 'Can you help with this?\n\nBegin forwarded message:\n\nFrom: Shop <orders@shop.example>\nSubject: Order 4821\nDate: June 3, 2024 at 10:00:00 GMT+7\nTo: Bob <bob@example.com>\n\nYour order was cancelled.\n',
    reply: 'Can you help with this?\n\nBegin forwarded message:\n\nFrom: Shop <orders@shop.example>\nSubject: Order 4821\nDate: June 3, 2024 at 10:00:00 GMT+7\nTo: Bob <bob@example.com>\n\nYour order was cancelled.',
    quoted: false,
  },
  {
    name: 'Gmail forward keeps its header block',
    text: '---------- Forwarded message ---------\nFrom: Shop <orders@shop.example>\nDate: Mon, Jun 3, 2024 at 10:00 AM\nSubject: Order 4821\n\nCancelled.',
    reply: '---------- Forwarded message ---------\nFrom: Shop <orders@shop.example>\nDate: Mon, Jun 3, 2024 at 10:00 AM\nSubject: Order 4821\n\nCancelled.',
    quoted: false,
  },
  {
    name: 'a mail that is all quote comes back whole',
    text: '> Is the parcel there?\n> Ann\n',
    reply: '> Is the parcel there?\n> Ann',
    quoted: false,
    signatureRemoved: false,
  },
  {
    name: 'a mail that is only a signature comes back whole',
    text: '-- \nBob\n',
    reply: '--\nBob',
    signatureRemoved: false,
  },
  { name: 'plain text is unchanged but for trailing whitespace', text: 'Hello   \n\nworld\t\n\n', reply: 'Hello\n\nworld', quoted: false, signatureRemoved: false },
  { name: 'empty input', text: '', reply: '', quoted: false, signatureRemoved: false },
];

describe('extractReply', () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = extractReply(c.text);
      assert.equal(result.reply, c.reply);
      if (c.quoted !== undefined) assert.equal(result.quoted, c.quoted);
      if (c.signatureRemoved !== undefined) assert.equal(result.signatureRemoved, c.signatureRemoved);
    });
  }

  it('never returns more text than it was given', () => {
    for (const c of cases) assert.ok(extractReply(c.text).reply.length <= c.text.length, c.name);
  });
});
