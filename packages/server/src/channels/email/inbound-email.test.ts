import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { parseInboundEmail } from './inbound-email.ts';
import type { InboundEmail } from './inbound-email.ts';

const limits = { maxAttachments: 5, maxAttachmentBytes: 1024 };
const mail = (...lines: string[]): Buffer => Buffer.from(lines.join('\r\n'), 'utf8');
const compose = (options: Mail.Options): Promise<Buffer> => new MailComposer(options).compile().build();
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
// RFC 2047 Q encoding may write any byte as =XX.
const q = (text: string): string => Buffer.from(text, 'utf8').toString('hex').toUpperCase().replace(/../g, '=$&');

async function parsed(raw: Buffer, lim = limits): Promise<{ email: InboundEmail; dropped: string[] }> {
  const result = await parseInboundEmail(raw, lim);
  assert.equal(result.kind, 'parsed', result.kind === 'malformed' ? result.reason : '');
  return result as { kind: 'parsed'; email: InboundEmail; dropped: string[] };
}

describe('parseInboundEmail: headers', () => {
  it('reads a plain UTF-8 reply with its threading headers', async () => {
    const { email, dropped } = await parsed(
      mail(
        'Authentication-Results: mx.tandem.test; spf=pass smtp.mailfrom=example.com;',
        ' dkim=pass header.d=example.com; dmarc=pass (p=none) header.from=example.com',
        'Authentication-Results: forged.example; spf=fail; dkim=fail; dmarc=fail',
        'Delivered-To: support@demo.tandem.test', 'X-Original-To: support+c-aaaaaaaaaaaaaaaaaaaaaaaaaa@demo.tandem.test',
        'Message-ID:  <CAB123@mail.gmail.com> ', "In-Reply-To: <tandem-1@demo.tandem.test> (Support's message)",
        'References: <tandem-0@demo.tandem.test>', '\t<tandem-1@demo.tandem.test>',
        'From: "Bình Nguyễn" <binh@example.com>', 'To: Support <support@demo.tandem.test>, other@example.com',
        'Cc: Group: a@example.com, b@example.com;', 'Subject: Re: Order 4821', 'Date: Mon, 3 Jun 2024 10:00:00 +0700',
        'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '',
        'Xin chào, đơn hàng vẫn chưa tới.\u0000\u0007', '',
      ),
    );
    assert.deepEqual(dropped, []);
    assert.equal(email.messageId, '<CAB123@mail.gmail.com>');
    assert.deepEqual(email.from, { address: 'binh@example.com', name: 'Bình Nguyễn' });
    assert.deepEqual(email.to, ['support@demo.tandem.test', 'other@example.com']);
    assert.deepEqual(email.cc, ['a@example.com', 'b@example.com']);
    assert.deepEqual(email.deliveredTo, ['support@demo.tandem.test', 'support+c-aaaaaaaaaaaaaaaaaaaaaaaaaa@demo.tandem.test']);
    assert.equal(email.subject, 'Re: Order 4821');
    assert.equal(email.date?.toISOString(), '2024-06-03T03:00:00.000Z');
    assert.equal(email.inReplyTo, '<tandem-1@demo.tandem.test>');
    assert.deepEqual(email.references, ['<tandem-0@demo.tandem.test>', '<tandem-1@demo.tandem.test>']);
    assert.equal(email.text, 'Xin chào, đơn hàng vẫn chưa tới.\n', 'control characters stripped');
    assert.equal(email.html, null);
    assert.equal(email.kind, 'personal');
    // The topmost header is our MTA's verdict; the forged lower one is ignored.
    assert.deepEqual(email.authentication, { spf: 'pass', dkim: 'pass', dmarc: 'pass' });
    assert.deepEqual(email.bouncedMessageIds, []);
  });

  it('falls back to Received-SPF and gives null for checks never made', async () => {
    const { email } = await parsed(mail('Received-SPF: softfail (domain transitioning) client-ip=192.0.2.1', 'From: a@example.com', '', 'hi'));
    assert.deepEqual(email.authentication, { spf: 'softfail', dkim: null, dmarc: null });
  });

  it('gives a null date for an unparsable Date, not the time of parsing', async () => {
    const { email } = await parsed(mail('From: a@example.com', 'Date: next Tuesday-ish', '', 'hi'));
    assert.equal(email.date, null);
  });

  it('adds angle brackets to bare Message-IDs', async () => {
    const { email } = await parsed(mail('From: a@example.com', 'Message-ID: abc@host', 'References: x@h1 y@h2', '', 'hi'));
    assert.equal(email.messageId, '<abc@host>');
    assert.deepEqual(email.references, ['<x@h1>', '<y@h2>']);
  });

  it('decodes RFC 2047 subjects in Vietnamese (B) and Persian (Q)', async () => {
    const vi = await parsed(mail('From: a@example.com', `Subject: =?UTF-8?B?${b64('Trả lời: Đơn hàng chưa tới')}?=`, '', 'x'));
    assert.equal(vi.email.subject, 'Trả lời: Đơn hàng chưa tới');
    const fa = await parsed(mail('From: =?UTF-8?Q?' + q('داریوش') + '?= <d@example.com>', `Subject: =?UTF-8?Q?${q('سفارش من نرسید')}?=`, '', 'x'));
    assert.equal(fa.email.subject, 'سفارش من نرسید');
    assert.equal(fa.email.from.name, 'داریوش');
  });
});

describe('parseInboundEmail: bodies and charsets', () => {
  it('decodes Vietnamese in windows-1258 and composes its tone marks (NFC)', async () => {
    // windows-1258 has no precomposed "ệ": it is ê (0xEA) + combining dot below (0xF2).
    const body = Buffer.from('Vi\xEA\xF2t Nam, ca\xD2m \xF5n \xF0a\xDE h\xF4\xDE tr\xF5\xF2', 'latin1');
    const head = mail('From: a@example.com', 'Content-Type: text/plain; charset=windows-1258', 'Content-Transfer-Encoding: 8bit', '', '');
    const { email } = await parsed(Buffer.concat([head, body]));
    assert.equal(email.text, 'Việt Nam, cảm ơn đã hỗ trợ');
    assert.equal(email.text, email.text.normalize('NFC'));
  });

  it('decodes Persian in windows-1256', async () => {
    const body = Buffer.from([0xd3, 0xe1, 0xc7, 0xe3, 0x20, 0xcf, 0xe6, 0xd3, 0xca]);
    const head = mail('From: a@example.com', 'Content-Type: text/plain; charset="windows-1256"', '', '');
    assert.equal((await parsed(Buffer.concat([head, body]))).email.text, 'سلام دوست');
  });

  it('decodes quoted-printable with soft line breaks', async () => {
    const qp = mail('From: a@example.com', 'Content-Transfer-Encoding: quoted-printable', 'Content-Type: text/plain; charset=utf-8', '', 'Xin ch=C3=A0o, m=E1=BB=99t d=', '=C3=B2ng');
    assert.equal((await parsed(qp)).email.text, 'Xin chào, một dòng');
  });

  it('reads a body in a charset nobody knows as UTF-8, bad bytes as U+FFFD', async () => {
    const head = mail('From: a@example.com', 'Content-Type: text/plain; charset=x-no-such-charset', '', '');
    assert.equal((await parsed(Buffer.concat([head, Buffer.from('ch\xE0o ', 'latin1'), Buffer.from('chào')]))).email.text, 'ch\uFFFDo chào');
  });

  it('gives an HTML-only Gmail reply quote marks, so the quoted history can be cut', async () => {
    const html = '<div dir="ltr">Thanks!</div><br><div class="gmail_quote"><div class="gmail_attr">On Mon, 3 Jun 2024 at 10:00, Ann &lt;ann@example.com&gt; wrote:<br></div><blockquote class="gmail_quote"><div>Restart it.</div></blockquote></div>';
    const { email } = await parsed(mail('From: a@example.com', 'Content-Type: text/html; charset=utf-8', '', html));
    assert.equal(email.text, 'Thanks!\n\nOn Mon, 3 Jun 2024 at 10:00, Ann <ann@example.com> wrote:\n\n> Restart it.');
  });

  it('decodes a base64 body', async () => {
    const { email } = await parsed(mail('From: a@example.com', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', b64('سلام، سفارش ۴۸۲۱ کجاست؟')));
    assert.equal(email.text, 'سلام، سفارش ۴۸۲۱ کجاست؟');
  });

  it('takes the text of an HTML-only mail from the sanitized HTML', async () => {
    const html = '<html><head><style>p{color:red}</style></head><body><p>Hello <b>there</b></p><script>alert(1)</script><img src="https://t.example/p.gif"><p>See <a href="https://shop.example/o/1">order</a></p></body></html>';
    const { email } = await parsed(mail('From: a@example.com', 'Content-Type: text/html; charset=utf-8', '', html));
    assert.equal(email.text, 'Hello there\n\nSee order (https://shop.example/o/1)');
    assert.equal(email.html, '<p>Hello <b>there</b></p><p>See <a href="https://shop.example/o/1" rel="noopener noreferrer nofollow" target="_blank">order</a></p>');
  });

  it('derives text for HTML inside multipart/mixed too, where mailparser converts nothing', async () => {
    const raw = await compose({ from: 'a@example.com', html: '<ul><li>one</li><li>two</li></ul>', attachments: [{ filename: 'a.txt', content: 'abc' }] });
    assert.equal((await parsed(raw)).email.text, '- one\n- two');
  });

  it('prefers the text part of multipart/alternative', async () => {
    const raw = await compose({ from: 'Ann <a@example.com>', to: 's@x.test', subject: 'Xin chào', text: 'Plain version', html: '<p>HTML version</p>' });
    const { email } = await parsed(raw);
    assert.equal(email.text, 'Plain version');
    assert.equal(email.html, '<p>HTML version</p>');
    assert.equal(email.subject, 'Xin chào');
  });
});

describe('parseInboundEmail: attachments', () => {
  it('keeps attachments with their sizes and inline images with their content id', async () => {
    const pdf = { filename: 'hóa đơn.pdf', content: Buffer.alloc(300, 1), contentType: 'application/pdf' };
    const logo = { filename: 'logo.png', content: Buffer.alloc(10, 2), contentType: 'image/png', cid: 'logo@x' };
    const raw = await compose({ from: 'a@example.com', html: '<p>See <img src="cid:logo@x"></p>', attachments: [pdf, logo] });
    const { email, dropped } = await parsed(raw);
    assert.deepEqual(dropped, []);
    const summary = email.attachments.map((a) => [a.filename, a.contentType, a.size, a.content.length, a.inline, a.contentId]);
    // mailparser lists the related image before the mixed attachment; the order is not ours to promise.
    assert.deepEqual(summary.sort(), [
      ['hóa đơn.pdf', 'application/pdf', 300, 300, false, null],
      ['logo.png', 'image/png', 10, 10, true, 'logo@x'],
    ]);
    assert.equal(email.html, '<p>See </p>', 'no images, even embedded ones');
  });

  it('drops attachments over the size or count limit and says so', async () => {
    const attachments = [{ filename: 'big.zip', content: Buffer.alloc(2000) }, ...[1, 2, 3].map((n) => ({ filename: `${n}.txt`, content: `file ${n}` }))];
    const raw = await compose({ from: 'a@example.com', to: 's@x.test', text: 'files', attachments });
    const { email, dropped } = await parsed(raw, { maxAttachments: 2, maxAttachmentBytes: 1024 });
    assert.deepEqual(email.attachments.map((a) => a.filename), ['1.txt', '2.txt']);
    assert.deepEqual(dropped, ['big.zip: 2000 bytes, over the 1024-byte limit', '3.txt: more than 2 attachments']);
  });

  it('takes path separators out of file names', async () => {
    const raw = await compose({ from: 'a@example.com', text: 'x', attachments: [{ filename: '../../etc/passwd', content: 'x' }] });
    assert.equal((await parsed(raw)).email.attachments[0]?.filename.includes('/'), false);
  });
});

describe('parseInboundEmail: malformed mail', () => {
  const cases: Array<[string, Buffer]> = [
    ['no From', mail('To: s@x.test', 'Subject: hi', '', 'body')],
    ['a From without an address', mail('From: undisclosed sender', '', 'body')],
    ['an empty From', mail('From: <>', '', 'body')],
    ['garbage bytes', Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0d, 0x0a, 0x3a, 0x3a, 0x00])],
    ['nothing', Buffer.alloc(0)],
  ];
  for (const [name, raw] of cases) {
    it(`${name} is malformed`, async () => assert.equal((await parseInboundEmail(raw, limits)).kind, 'malformed'));
  }
});

describe('parseInboundEmail: machine mail', () => {
  it('classifies an Exchange out-of-office as an auto-reply', async () => {
    const raw = mail('From: b@example.com', 'Subject: Automatic reply: Order 4821', 'Auto-Submitted: auto-replied', 'X-Auto-Response-Suppress: All', '', 'I am away.');
    assert.equal((await parsed(raw)).email.kind, 'auto_reply');
  });

  it('classifies list mail as bulk', async () => {
    const raw = mail('From: news@shop.example', 'List-Unsubscribe: <mailto:unsub@shop.example>', 'Precedence: bulk', 'Subject: Sale', '', 'Sale!');
    assert.equal((await parsed(raw)).email.kind, 'bulk');
  });

  it("classifies a DSN as a bounce and finds the bounced message's id in its returned headers", async () => {
    const raw = mail(
      'Return-Path: <>', 'From: Mail Delivery System <MAILER-DAEMON@mx.example.com>', 'To: support@demo.tandem.test',
      'Subject: Undelivered Mail Returned to Sender', 'Message-ID: <dsn-1@mx.example.com>', 'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0', 'Content-Type: multipart/report; report-type=delivery-status; boundary="DSN"', '',
      '--DSN', 'Content-Type: text/plain; charset=us-ascii', '', 'Your message could not be delivered to bob@example.org.',
      '--DSN', 'Content-Type: message/delivery-status', '',
      'Reporting-MTA: dns; mx.example.com', '', 'Final-Recipient: rfc822; bob@example.org', 'Action: failed', 'Status: 5.1.1',
      '--DSN', 'Content-Type: message/rfc822-headers', '',
      // Folded, as Exchange writes long Message-IDs.
      'Message-ID:', ' <tandem-42@demo.tandem.test>', 'From: support@demo.tandem.test', 'Subject: Re: Order 4821',
      '--DSN--', '',
    );
    const { email } = await parsed(raw);
    assert.deepEqual([email.kind, email.bouncedMessageIds], ['bounce', ['<tandem-42@demo.tandem.test>']]);
  });

  it('finds the id in an inline message/rfc822 part, which mailparser renders into the text without it', async () => {
    const original = await compose({ from: 'support@demo.tandem.test', to: 'bob@example.org', messageId: '<tandem-43@demo.tandem.test>', text: 'hello' });
    const returned = { content: original, contentType: 'message/rfc822', filename: 'original.eml' };
    const raw = await compose({ from: 'postmaster@example.org', subject: 'Delivery Status Notification (Failure)', text: 'Delivery failed.', attachments: [returned] });
    assert.deepEqual((await parsed(raw)).email.bouncedMessageIds, ['<tandem-43@demo.tandem.test>']);
  });
});
