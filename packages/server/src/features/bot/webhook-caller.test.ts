// A flow's webhook call against a real local HTTP server: every way a backend can fail becomes
// `{ ok: false }` (so the flow takes its error path), and a good answer arrives signed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callWebhook, signWebhook } from './webhook-caller.ts';

const SECRET = 'a-secret-of-the-shop';
const received: Array<{ body: string; timestamp: string; signature: string }> = [];
const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/ok': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"found":true,"status":"shipped"}'),
  '/slow': (_req, res) => setTimeout(() => res.end('{}'), 2_000).unref(),
  '/garbage': (_req, res) => res.end('<html>oops</html>'),
  '/array': (_req, res) => res.end('[1,2,3]'),
  '/error': (_req, res) => res.writeHead(500).end('{"error":"boom"}'),
  '/huge': (_req, res) => res.end(`{"x":"${'a'.repeat(200_000)}"}`),
  '/redirect': (_req, res) => res.writeHead(302, { location: '/ok' }).end(),
};
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  req.on('end', () => {
    received.push({ body, timestamp: String(req.headers['x-tandem-timestamp']), signature: String(req.headers['x-tandem-signature']) });
    (routes[req.url ?? ''] ?? ((_q, r) => r.writeHead(404).end()))(req, res);
  });
});
let base = '';
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const now = new Date('2026-12-06T10:00:00Z');
const call = (path: string, timeoutMs = 500) =>
  callWebhook({ url: path.startsWith('/') ? `${base}${path}` : path, secret: SECRET, timeoutMs }, { orderNumber: 'A-1042' }, { selfUrl: null, now });

describe('callWebhook', () => {
  it('posts the payload signed with the timestamp, and returns the JSON object it gets back', async () => {
    const outcome = await call('/ok');
    assert.deepEqual(outcome, { ok: true, data: { found: true, status: 'shipped' } });
    const last = received.at(-1)!;
    assert.equal(last.body, '{"orderNumber":"A-1042"}');
    assert.equal(last.timestamp, String(now.getTime() / 1000));
    assert.equal(last.signature, signWebhook(SECRET, now.getTime() / 1000, last.body));
    assert.notEqual(last.signature, signWebhook('another secret', now.getTime() / 1000, last.body));
  });

  it('turns a timeout, garbage, a non-object, an HTTP error, a huge body and a redirect into a failure', async () => {
    const cases: Array<[string, RegExp]> = [
      ['/slow', /Timeout|abort/i],
      ['/garbage', /JSON|Unexpected token/i],
      ['/array', /not a JSON object/],
      ['/error', /HTTP 500/],
      ['/huge', /too large/],
      ['/redirect', /redirect|fetch failed/i],
      ['http://127.0.0.1:9/nothing-listens', /fetch failed|ECONNREFUSED/i],
    ];
    for (const [path, error] of cases) {
      const outcome = await call(path, 300);
      assert.equal(outcome.ok, false, path);
      assert.match((outcome as { error: string }).error, error, path);
    }
  });

  it('a path needs the server’s own URL to resolve against', async () => {
    const outcome = await callWebhook({ url: '/demo/backend/orders', secret: SECRET, timeoutMs: 300 }, {}, { selfUrl: null, now });
    assert.equal(outcome.ok, false);
  });
});
