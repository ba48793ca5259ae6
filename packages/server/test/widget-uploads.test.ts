import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { call, createWorkspace, startTestApp, type TestWorkspace } from './harness.ts';

const app = await startTestApp({ env: { UPLOAD_MAX_BYTES: String(64 * 1024) } });
// The smallest valid PNG: a 1×1 transparent pixel.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function multipart(filename: string, type: string, data: Buffer) {
  const boundary = `----tandem${randomUUID()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
  return { payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function visitor(ws: TestWorkspace) {
  return (await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: {} })).body as { token: string; customerId: string };
}

async function upload(ws: TestWorkspace, token: string, filename: string, type: string, data: Buffer) {
  const { payload, contentType } = multipart(filename, type, data);
  const res = await app.http.inject({ method: 'POST', url: `/api/v1/widget/${ws.id}/uploads`, headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, payload });
  return { status: res.statusCode, body: res.json() };
}

describe('attachments', () => {
  it('an image is stored, served inline with its real type, and can be sent in a message', async () => {
    const ws = await createWorkspace(app);
    const v = await visitor(ws);
    const up = await upload(ws, v.token, '../../etc/ảnh chụp.png', 'application/octet-stream', PNG);
    assert.equal(up.status, 201);
    assert.equal(up.body.contentType, 'image/png', 'the type comes from the bytes');
    assert.equal(up.body.name, 'ảnh chụp.png', 'path segments are dropped');
    const file = await app.http.inject({ method: 'GET', url: up.body.url });
    assert.equal(file.statusCode, 200);
    assert.deepEqual(file.rawPayload, PNG);
    assert.equal(file.headers['content-type'], 'image/png');
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    assert.match(String(file.headers['content-security-policy']), /sandbox/);
    assert.match(String(file.headers['content-disposition']), /^inline/);

    const sent = await call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, {
      token: v.token,
      body: { body: 'here', content: { attachments: [{ ...up.body, name: 'renamed.exe', contentType: 'text/html' }] }, idempotencyKey: `k-${randomUUID()}` },
    });
    assert.equal(sent.status, 201);
    assert.deepEqual(sent.body.message.content.attachments, [up.body], 'the stored metadata wins over what the client claims');
  });

  it('HTML dressed as an image, SVG and unknown binaries are refused', async () => {
    const ws = await createWorkspace(app);
    const v = await visitor(ws);
    for (const [name, type, data] of [
      ['x.png', 'image/png', Buffer.from('<html><script>alert(1)</script></html>')],
      ['x.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
      ['x.bin', 'application/octet-stream', Buffer.from([0, 1, 2, 3, 0, 5])],
    ] as const) {
      const res = await upload(ws, v.token, name, type, data);
      assert.equal(res.status, 415, name);
      assert.equal(res.body.code, 'upload.type_not_allowed');
    }
  });

  it('a plain-text file is accepted and downloaded as an attachment, never rendered', async () => {
    const ws = await createWorkspace(app);
    const v = await visitor(ws);
    const up = await upload(ws, v.token, 'log.txt', 'text/plain', Buffer.from('سلام <script>alert(1)</script>'));
    assert.equal(up.status, 201);
    const file = await app.http.inject({ method: 'GET', url: up.body.url });
    assert.match(String(file.headers['content-disposition']), /^attachment/);
  });

  it('a file over the limit is refused with 413 and nothing is stored', async () => {
    const ws = await createWorkspace(app);
    const v = await visitor(ws);
    const res = await upload(ws, v.token, 'big.png', 'image/png', Buffer.concat([PNG, Buffer.alloc(70 * 1024)]));
    assert.equal(res.status, 413);
    assert.equal(res.body.code, 'upload.too_large');
  });

  it("a message cannot point at another customer's file or an outside URL", async () => {
    const ws = await createWorkspace(app);
    const [owner, other] = [await visitor(ws), await visitor(ws)];
    const up = await upload(ws, owner.token, 'a.png', 'image/png', PNG);
    for (const attachment of [up.body, { ...up.body, url: 'https://tracker.example/pixel.png' }]) {
      const res = await call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, { token: other.token, body: { body: 'x', content: { attachments: [attachment] }, idempotencyKey: `k-${randomUUID()}` } });
      assert.equal(res.status, 404);
      assert.equal(res.body.code, 'file.not_found');
    }
  });

  it('an unknown key is a 404, and keys are scoped to their workspace', async () => {
    const [a, b] = [await createWorkspace(app), await createWorkspace(app)];
    const up = await upload(a, (await visitor(a)).token, 'a.png', 'image/png', PNG);
    const key = up.body.url.split('/').pop();
    const res = await app.http.inject({ method: 'GET', url: `/api/v1/widget/${b.id}/files/${key}` });
    assert.equal(res.statusCode, 404);
  });
});
