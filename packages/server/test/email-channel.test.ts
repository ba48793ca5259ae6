// Email end to end over real SMTP on loopback: the customer's mail goes to the product's own
// listener, the agent's reply leaves through SMTP to a sink started here.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import nodemailer from 'nodemailer';
import { startTestApp, createWorkspace, call, type TestWorkspace } from './harness.ts';
import { startMailCatcher } from './mail-catcher.ts';
import { until } from './poll.ts';
import { startSmtpListener } from '../src/channels/email/smtp-listener.ts';
import { createInboundMailHandler } from '../src/features/channels/inbound-mail.handler.ts';

const catcher = await startMailCatcher();
const app = await startTestApp({ env: { SMTP_URL: catcher.url } });
const listener = await startSmtpListener(createInboundMailHandler(app.services, app.deps.db), {
  host: '127.0.0.1', port: 0, maxBytes: 512 * 1024, perSenderPerHour: 1000, log: app.deps.log,
});
after(async () => {
  await listener.close();
  await catcher.close();
});

const customerMail = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
after(() => customerMail.close());

async function emailWorkspace(): Promise<TestWorkspace & { address: string }> {
  const ws = await createWorkspace(app);
  const address = `help@${ws.slug}.example.com`;
  const created = await call(app, 'POST', '/api/v1/channels', { token: ws.tokens.admin, body: { kind: 'email', name: 'Help', config: { addresses: [address], senderName: 'Lotus Help', footer: 'Lotus Tea House' } } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return { ...ws, address };
}

const conversationsOf = async (ws: TestWorkspace) => (await call(app, 'GET', '/api/v1/conversations?limit=50', { token: ws.tokens.agent })).body.items as Array<{ id: string; status: string; customerId: string }>;
const messagesOf = async (ws: TestWorkspace, id: string) => (await call(app, 'GET', `/api/v1/conversations/${id}/messages?limit=100`, { token: ws.tokens.agent })).body.items as Array<Record<string, any>>;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

test('a customer emails the support address, the agent replies, and the reply to that reply lands in the same conversation', async () => {
  const ws = await emailWorkspace();
  const sent = await customerMail.sendMail({
    from: 'Nguyễn Lan <lan@example.vn>', to: ws.address, subject: 'Đơn hàng #123 chưa tới',
    text: 'Chào shop, đơn hàng của tôi chưa tới.\n\n-- \nLan', attachments: [{ filename: 'hoa-don.pdf', content: PDF, contentType: 'application/pdf' }],
  });
  const [conversation] = await until(async () => ((await conversationsOf(ws)).length === 1 ? conversationsOf(ws) : null));
  const [first] = await messagesOf(ws, conversation!.id);
  assert.equal(first!.channel, 'email');
  assert.equal(first!.body, 'Chào shop, đơn hàng của tôi chưa tới.', 'the signature is cut');
  assert.equal(first!.content.email.subject, 'Đơn hàng #123 chưa tới');
  assert.equal(first!.content.email.messageId, sent.messageId);
  assert.equal(first!.content.attachments[0].name, 'hoa-don.pdf');

  const reply = await call(app, 'POST', `/api/v1/conversations/${conversation!.id}/messages`, { token: ws.tokens.agent, body: { body: 'Đơn của chị sẽ tới **ngày mai**.' } });
  assert.equal(reply.status, 201);
  const out = await catcher.waitFor('lan@example.vn');
  assert.equal(out.inReplyTo, sent.messageId, 'the reply threads under the customer’s mail');
  assert.match(out.subject, /^Re: Đơn hàng #123 chưa tới \[#[a-z2-7]{8}\]$/);
  assert.match(out.replyTo, new RegExp(`^help\\+c-[a-z2-7]{26}@${ws.slug}\\.example\\.com$`));
  assert.match(out.html, /<strong>ngày mai<\/strong>/);
  assert.match(out.text, /Lotus Tea House/);
  const delivered = await until(async () => (await messagesOf(ws, conversation!.id)).find((m) => m.id === reply.body.id && m.deliveryStatus === 'sent'));
  assert.equal(delivered.deliveryError, null);

  // The customer answers from their mail client: quoted history below, sent to the Reply-To.
  await customerMail.sendMail({
    from: 'lan@example.vn', to: out.replyTo, subject: `Re: ${out.subject}`, inReplyTo: out.messageId, references: [sent.messageId!, out.messageId],
    text: `Cảm ơn shop!\n\nVào 10:00 Th 2, 7 thg 12, 2026 Lotus Help <${ws.address}> đã viết:\n> ${out.text.split('\n').join('\n> ')}`,
  });
  const thread = await until(async () => {
    const messages = await messagesOf(ws, conversation!.id);
    return messages.length === 3 ? messages : null;
  });
  assert.equal(thread[2]!.body, 'Cảm ơn shop!');
  assert.equal(thread[2]!.content.email.quoted, true);
  assert.equal((await conversationsOf(ws)).length, 1, 'no second conversation');
});

test('a Persian mail in windows-1256 with an encoded-word subject is decoded, and its original is viewable', async () => {
  const ws = await emailWorkspace();
  const body = Buffer.from([0xd3, 0xe1, 0xc7, 0xe3, 0x20, 0xd3, 0xdd, 0xc7, 0xd1, 0xd4, 0x20, 0xe3, 0xe4, 0x20, 0x98, 0xcc, 0xc7, 0xd3, 0xca, 0xbf]);
  const raw = Buffer.concat([
    Buffer.from(`From: Sara <sara@example.ir>\r\nTo: ${ws.address}\r\nSubject: =?UTF-8?B?${Buffer.from('سفارش من').toString('base64')}?=\r\nMessage-ID: <fa-1@example.ir>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=windows-1256\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`),
    body, Buffer.from('\r\n'),
  ]);
  await customerMail.sendMail({ envelope: { from: 'sara@example.ir', to: [ws.address] }, raw });
  const [conversation] = await until(async () => ((await conversationsOf(ws)).length === 1 ? conversationsOf(ws) : null));
  const [message] = await messagesOf(ws, conversation!.id);
  assert.equal(message!.body, 'سلام سفارش من کجاست؟');
  assert.equal(message!.content.email.subject, 'سفارش من');
  const original = await app.http.inject({ method: 'GET', url: `/api/v1/messages/${message!.id}/original`, headers: { authorization: `Bearer ${ws.tokens.agent}` } });
  assert.equal(original.statusCode, 200);
  assert.match(original.headers['content-type'] as string, /^text\/plain/);
  assert.match(original.body, /Message-ID: <fa-1@example\.ir>/);
});

test('the same mail delivered twice is stored once; a stranger quoting the thread starts their own conversation', async () => {
  const ws = await emailWorkspace();
  const mail = { from: 'an@example.com', to: ws.address, subject: 'Refund', text: 'Please refund order 9.', messageId: `<dup-${ws.slug}@example.com>` };
  await customerMail.sendMail(mail);
  await customerMail.sendMail(mail);
  await customerMail.sendMail({ from: 'mallory@example.net', to: ws.address, subject: 'Re: Refund', text: 'me too', inReplyTo: mail.messageId, references: [mail.messageId] });
  const conversations = await until(async () => {
    const all = await conversationsOf(ws);
    return all.length === 2 ? all : null;
  });
  const counts = await Promise.all(conversations.map(async (c) => (await messagesOf(ws, c.id)).length));
  assert.deepEqual(counts.sort(), [1, 1]);
  assert.notEqual(conversations[0]!.customerId, conversations[1]!.customerId);
});

test('an out-of-office answer becomes a note and reopens nothing; a bounce marks the reply failed', async () => {
  const ws = await emailWorkspace();
  await customerMail.sendMail({ from: 'binh@example.vn', to: ws.address, subject: 'Question', text: 'Is the shop open on Sunday?' });
  const [conversation] = await until(async () => ((await conversationsOf(ws)).length === 1 ? conversationsOf(ws) : null));
  const reply = await call(app, 'POST', `/api/v1/conversations/${conversation!.id}/messages`, { token: ws.tokens.agent, body: { body: 'Yes, 9 to 5.' } });
  const out = await catcher.waitFor('binh@example.vn');
  assert.equal((await call(app, 'PATCH', `/api/v1/conversations/${conversation!.id}`, { token: ws.tokens.agent, body: { status: 'resolved' } })).status, 200);

  await customerMail.sendMail({ from: 'binh@example.vn', to: out.replyTo, subject: 'Trả lời tự động: Question', inReplyTo: out.messageId, headers: { 'Auto-Submitted': 'auto-replied' }, text: 'Tôi đang nghỉ phép.' });
  const note = await until(async () => (await messagesOf(ws, conversation!.id)).find((m) => m.author === 'system'));
  assert.equal(note.private, true);
  assert.equal(note.content.email.kind, 'auto_reply');
  assert.equal((await call(app, 'GET', `/api/v1/conversations/${conversation!.id}`, { token: ws.tokens.agent })).body.status, 'resolved');

  const dsn = [
    `From: MAILER-DAEMON@example.vn`, `To: ${ws.address}`, 'Subject: Undelivered Mail Returned to Sender', 'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"', '', '--b1', 'Content-Type: text/plain', '',
    'The mail could not be delivered: mailbox full.', '--b1', 'Content-Type: message/delivery-status', '',
    'Reporting-MTA: dns; mx.example.vn', '', 'Final-Recipient: rfc822; binh@example.vn', 'Action: failed', 'Status: 5.2.2', '',
    '--b1', 'Content-Type: text/rfc822-headers', '', `Message-ID: ${out.messageId}`, `To: binh@example.vn`, '', '--b1--', '',
  ].join('\r\n');
  await customerMail.sendMail({ envelope: { from: '', to: [ws.address] }, raw: dsn });
  const failed = await until(async () => (await messagesOf(ws, conversation!.id)).find((m) => m.id === reply.body.id && m.deliveryStatus === 'failed'));
  assert.match(failed.deliveryError, /^bounced:/);
});

test('mail for an unknown address or over the size limit is refused during the SMTP transaction', async () => {
  const ws = await emailWorkspace();
  await assert.rejects(customerMail.sendMail({ from: 'x@example.com', to: `nobody@${ws.slug}.example.com`, subject: 'hi', text: 'hi' }), (error: { responseCode?: number }) => error.responseCode === 550);
  await assert.rejects(customerMail.sendMail({ from: 'x@example.com', to: ws.address, subject: 'big', text: 'x'.repeat(600 * 1024) }), (error: { responseCode?: number }) => error.responseCode === 552);
  assert.equal((await conversationsOf(ws)).length, 0);
});

test('a customer who chatted in the widget and then emails stays in the same open conversation', async () => {
  const ws = await emailWorkspace();
  const inbound = await call(app, 'POST', '/api/v1/inbound-messages', { token: ws.tokens.agent, body: { channel: 'web', identity: { kind: 'email', value: 'minh@example.vn' }, body: 'Xin chào, tôi cần đổi size áo.' } });
  assert.equal(inbound.status, 201, JSON.stringify(inbound.body));
  await customerMail.sendMail({ from: 'minh@example.vn', to: ws.address, subject: 'Ảnh chiếc áo', text: 'Gửi shop ảnh chiếc áo.' });
  const messages = await until(async () => {
    const all = await messagesOf(ws, inbound.body.conversation.id);
    return all.length === 2 ? all : null;
  });
  assert.deepEqual(messages.map((m) => m.channel), ['web', 'email']);
  assert.equal((await conversationsOf(ws)).length, 1);
});
