// Property: garbage on the realtime sockets (the widget's and the agents') gets an error frame,
// is ignored, or closes that one socket; it never makes the server fail (no server.internal),
// and a valid message right after still gets its acknowledgement.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { call, connect, createWorkspace, startTestApp } from '../harness.ts';
import { checkProperty, anyJson, nastyString } from './fuzz-settings.ts';
import { injectedInto, mutatedFrom } from './json-mutations.ts';

const app = await startTestApp();
const base = (await app.listen()).replace('http', 'ws');
const ws = await createWorkspace(app);
const session = (await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: { name: 'Fuzz' } })).body as { token: string };
const opened = await call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, { token: session.token, body: { body: 'first', idempotencyKey: `k-${randomUUID()}` } });
const conversationId = opened.body.conversation.id as string;

type Client = Awaited<ReturnType<typeof connect>>;
type Frame = { text: string } | { bytes: Buffer; binary: boolean };

interface Side {
  name: string;
  url: string;
  token: string;
  hello: Record<string, unknown>;
  send: (idempotencyKey: string) => Record<string, unknown>;
}

const SIDES: Side[] = [
  { name: 'widget', url: `${base}/api/v1/widget/${ws.id}/ws`, token: session.token, hello: { type: 'hello', token: session.token, conversations: { [conversationId]: 0 } }, send: (idempotencyKey) => ({ type: 'message.send', conversationId, body: 'still works', idempotencyKey }) },
  { name: 'agent', url: `${base}/api/v1/ws`, token: ws.tokens.agent, hello: { type: 'hello', token: ws.tokens.agent }, send: (idempotencyKey) => ({ type: 'message.send', conversationId, body: 'still works', private: true, idempotencyKey }) },
];

function frames(side: Side): fc.Arbitrary<Frame[]> {
  // A fresh idempotency key per frame: a reused one is answered as a replay and never reaches storage.
  const template = fc.tuple(fc.nat(5), fc.uuid()).map(([which, u]) => [
    side.hello,
    side.send(`k-${u}`),
    { type: 'typing', conversationId, typing: true },
    { type: 'receipt', conversationId, delivered: 1, read: 1 },
    { type: 'viewing', conversationId, viewing: true },
    { type: 'ping' },
  ][which]!);
  const frame: fc.Arbitrary<Frame> = fc.oneof(
    { weight: 4, arbitrary: template.chain((t) => mutatedFrom(t)).map((v) => ({ text: JSON.stringify(v) ?? 'null' })) },
    { weight: 1, arbitrary: template.map((v) => ({ text: JSON.stringify(v) })) },
    { weight: 3, arbitrary: template.chain((t) => injectedInto(t)).map((v) => ({ text: JSON.stringify(v) })) },
    { weight: 2, arbitrary: anyJson().map((v) => ({ text: JSON.stringify(v) ?? '' })) },
    { weight: 1, arbitrary: nastyString(200).map((text) => ({ text })) },
    // Bytes sent as a text frame (often not UTF-8) and as a binary frame.
    { weight: 1, arbitrary: fc.tuple(fc.uint8Array({ maxLength: 64 }), fc.boolean()).map(([b, binary]) => ({ bytes: Buffer.from(b), binary })) },
    { weight: 1, arbitrary: fc.constant({ text: `{"type":"message.send","body":"${'x'.repeat(70_000)}"}` }) },
  );
  return fc.array(frame, { minLength: 1, maxLength: 6 });
}

function write(client: Client, frame: Frame): void {
  if (client.socket.readyState !== client.socket.OPEN) return;
  if ('text' in frame) client.socket.send(frame.text);
  else client.socket.send(frame.bytes, { binary: frame.binary });
}

const closed = (client: Client) => new Promise<void>((resolve) => (client.socket.readyState === client.socket.CLOSED ? resolve() : client.socket.once('close', () => resolve())));

/** Sends hello and a valid message; resolves with its ack, or null if the server closed this socket. */
async function validSend(client: Client, side: Side): Promise<unknown> {
  const idempotencyKey = `k-${randomUUID()}`;
  write(client, { text: JSON.stringify(side.hello) });
  write(client, { text: JSON.stringify(side.send(idempotencyKey)) });
  const ack = await Promise.race([client.waitFor((f) => f.type === 'message.ack' && f.idempotencyKey === idempotencyKey, 5000), closed(client).then(() => null)]);
  // Sends are handled concurrently: an earlier frame's answer may come after this ack. Once the
  // appender is idle, a pong is the barrier (frames arrive in the order they were sent).
  await app.services.appender.drain();
  const pongs = client.frames.filter((f) => f.type === 'pong').length;
  write(client, { text: '{"type":"ping"}' });
  await Promise.race([client.waitFor(() => client.frames.filter((f) => f.type === 'pong').length > pongs, 5000), closed(client)]);
  return ack;
}

describe('realtime sockets under garbage frames', () => {
  for (const side of SIDES) {
    it(`the ${side.name} socket answers garbage with error frames or a close, and still takes a valid message`, { timeout: 60_000 }, async (t) => {
      const seen = { errorFrames: 0, closedByServer: 0 };
      await checkProperty(t, fc.asyncProperty(fc.nat(3).map((n) => n > 0), frames(side), async (greetFirst, garbage) => {
        const client = await connect(side.url);
        client.socket.on('error', () => undefined); // a close for a bad frame is an outcome here, not a failure
        if (greetFirst) {
          client.send(side.hello);
          await client.waitFor((f) => f.type === 'ready');
        }
        for (const frame of garbage) write(client, frame);
        const sameSocket = await validSend(client, side);
        if (sameSocket === null) seen.closedByServer++;
        const internal = client.frames.filter((f) => f.type === 'error' && f.code === 'server.internal');
        seen.errorFrames += client.frames.filter((f) => f.type === 'error').length;
        await client.close();
        assert.deepEqual(internal, [], 'no frame made the server fail');
        // Whatever happened to that socket, the server still serves a fresh one.
        const fresh = await connect(side.url);
        const ack = await validSend(fresh, side);
        await fresh.close();
        assert.ok(ack, 'a valid message on a fresh socket is acknowledged');
      }), 50);
      t.diagnostic(`error frames: ${seen.errorFrames}, sockets closed by the server: ${seen.closedByServer}`);
    });
  }

  // Found by the property above: the text reached the database, which refused it (server.internal).
  it('a message with a NUL or half a surrogate pair is an invalid frame, and the next one is acknowledged', async () => {
    const side = SIDES[0]!;
    const client = await connect(side.url);
    client.send(side.hello);
    await client.waitFor((f) => f.type === 'ready');
    for (const body of ['a\u0000b', 'a\ud800b']) client.send({ ...side.send(`k-${randomUUID()}`), body });
    const ack = await validSend(client, side);
    const errors = client.frames.filter((f) => f.type === 'error').map((f) => f.code);
    await client.close();
    assert.ok(ack);
    assert.deepEqual(errors, ['ws.invalid_frame', 'ws.invalid_frame']);
  });
});
