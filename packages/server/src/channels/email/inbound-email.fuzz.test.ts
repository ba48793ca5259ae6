import { it } from 'node:test';
import assert from 'node:assert/strict';
import { extractReply } from '@tandem/core';
import { parseInboundEmail } from './inbound-email.ts';

// FUZZ_SEED=<n> replays a failure; the seed is in the test name.
const SEED = Number(process.env.FUZZ_SEED ?? 20240603) >>> 0;
const MAX_ITERATIONS = 400;
const MAX_MILLISECONDS = 3000;
const limits = { maxAttachments: 3, maxAttachmentBytes: 4096 };

/** mulberry32: a tiny seeded PRNG, so a run is reproducible from its seed alone. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const crlf = (...lines: string[]): Buffer => Buffer.from(lines.join('\r\n'), 'utf8');

const seeds: Buffer[] = [
  crlf('From: "Bình" <binh@example.com>', 'To: support@demo.tandem.test', 'Subject: =?UTF-8?B?xJDGoW4gaMOgbmc=?=', 'Message-ID: <a@x>', 'References: <r1@x> <r2@x>',
    'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '', 'Xin ch=C3=A0o', '', 'On Mon, 3 Jun 2024 at 10:00, Ann <a@b.c> wrote:', '> hi', ''),
  crlf('From: a@example.com', 'Content-Type: multipart/alternative; boundary="AB"', '', '--AB', 'Content-Type: text/plain; charset=windows-1258', '',
    'Vi\u00ea\u00f2t', '--AB', 'Content-Type: text/html; charset=windows-1256', '', '<p>\u00d3\u00e1\u00c7\u00e3</p><script>x()</script>', '--AB--', ''),
  crlf('From: a@example.com', 'Content-Type: multipart/mixed; boundary="MX"', '', '--MX', 'Content-Type: text/html', '', '<blockquote>q</blockquote><p>hi</p>',
    '--MX', 'Content-Type: application/pdf; name="a.pdf"', 'Content-Disposition: attachment; filename="a.pdf"', 'Content-Transfer-Encoding: base64', '', 'JVBERi0xLjQKJcfs', '--MX--', ''),
  crlf('Return-Path: <>', 'From: MAILER-DAEMON@mx.example.com', 'Content-Type: multipart/report; report-type=delivery-status; boundary="R"', '', '--R', 'Content-Type: text/plain', '',
    'failed', '--R', 'Content-Type: message/delivery-status', '', 'Status: 5.1.1', '--R', 'Content-Type: message/rfc822-headers', '', 'Message-ID: <orig@x>', '--R--', ''),
];

const INSERTS = [
  '\r\nSubject: dup\r\n', '\r\nFrom: b@example.com\r\n', '\r\n--AB\r\n', '\r\n--MX--\r\n', '\r\n--\r\n', '\u0000',
  '\r\nContent-Type: text/plain; charset=x-no-such-charset\r\n', '\r\nContent-Type: text/plain; charset=utf-7\r\n\r\n+ADw-script+AD4-',
  '\r\nContent-Transfer-Encoding: base64\r\n', '=?UTF-8?B?####?=', '=?x-bad?Q?=FF=FE?=', '\r\nContent-Type: multipart/mixed; boundary=""\r\n',
];

type Mutation = (bytes: Buffer, rand: () => number) => Buffer;
const at = (bytes: Buffer, rand: () => number): number => Math.floor(rand() * (bytes.length + 1));
const splice = (bytes: Buffer, index: number, remove: number, insert: Buffer): Buffer =>
  Buffer.concat([bytes.subarray(0, index), insert, bytes.subarray(index + remove)]);

const mutations: Mutation[] = [
  (b, r) => { const c = Buffer.from(b); const i = Math.floor(r() * c.length); if (c.length > 0) c[i] = (c[i] ?? 0) ^ (1 << Math.floor(r() * 8)); return c; },
  (b, r) => splice(b, at(b, r), 0, Buffer.from([Math.floor(r() * 256)])),
  (b, r) => splice(b, at(b, r), 1 + Math.floor(r() * 8), Buffer.alloc(0)),
  (b, r) => b.subarray(0, at(b, r)),
  (b, r) => splice(b, at(b, r), 0, Buffer.from(INSERTS[Math.floor(r() * INSERTS.length)] ?? '', 'latin1')),
  (b, r) => splice(b, 0, 0, Buffer.from(`X-Long: ${'a'.repeat(1000 + Math.floor(r() * 100_000))}\r\n`)),
  (b, r) => splice(b, at(b, r), 0, Buffer.alloc(1 + Math.floor(r() * 16), 0)),
  (b) => Buffer.from(b.toString('latin1').replace(/boundary="?(\w+)"?/, 'boundary="broken'), 'latin1'),
  (b) => Buffer.from(b.toString('latin1').replace(/charset=[\w-]+/g, 'charset=no-such-thing'), 'latin1'),
  (b) => Buffer.from(b.toString('latin1').replace(/^(From: .*\r\n)/m, '$1$1$1'), 'latin1'),
];

it(`parseInboundEmail is total on mutated mail (seed ${SEED})`, { timeout: 60_000 }, async () => {
  const rand = mulberry32(SEED);
  const started = Date.now();
  let iteration = 0;
  for (; iteration < MAX_ITERATIONS && Date.now() - started < MAX_MILLISECONDS; iteration += 1) {
    let raw = seeds[Math.floor(rand() * seeds.length)] ?? Buffer.alloc(0);
    for (let n = 1 + Math.floor(rand() * 4); n > 0; n -= 1) raw = (mutations[Math.floor(rand() * mutations.length)] ?? ((b) => b))(raw, rand);
    const context = `seed ${SEED}, iteration ${iteration}`;
    const result = await parseInboundEmail(raw, limits).catch((error: unknown) => assert.fail(`${context}: rejected with ${String(error)}`));
    assert.ok(result.kind === 'parsed' || result.kind === 'malformed', context);
    if (result.kind === 'malformed') continue;
    const { text } = result.email;
    assert.equal(typeof text, 'string', context);
    assert.ok(!text.includes('\u0000'), `${context}: NUL in text`);
    assert.ok(!/[^\P{Cc}\n\t]/u.test(text), `${context}: control character in text`);
    assert.ok(result.email.attachments.length <= limits.maxAttachments, context);
    const reply = extractReply(text);
    assert.equal(typeof reply.reply, 'string', context);
    assert.ok(reply.reply.length <= text.length, `${context}: reply longer than its input`);
  }
  assert.ok(iteration > 0);
});
