// One contract for both halves of the bus pair: the in-process bus always, Redis when
// TEST_REDIS_URL is set. Whatever a feature relies on must hold for both.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import type { EventBus } from './event-bus.ts';
import { createInProcessBus } from './in-process.bus.ts';
import { createRedisBus } from './redis.bus.ts';

const REDIS_URL = process.env.TEST_REDIS_URL;
const WAIT_MS = 5000;

/** A logger whose lines the test can read: handler failures must be reported, not swallowed. */
function capturingLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

/** A handler that records what it receives and can wait until it has received `count` payloads. */
function recorder() {
  const received: unknown[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const handler = (payload: unknown) => {
    received.push(payload);
    for (const w of [...waiters]) {
      if (received.length < w.count) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };
  const waitFor = (count: number): Promise<unknown[]> => {
    if (received.length >= count) return Promise.resolve(received);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`received ${received.length} of ${count} in ${WAIT_MS} ms: ${JSON.stringify(received)}`)), WAIT_MS);
      waiters.push({ count, resolve: () => (clearTimeout(timer), resolve(received)) });
    });
  };
  return { handler, received, waitFor };
}

const uniqueTopic = (name: string) => `contract:${name}:${randomUUID()}`;

interface Implementation {
  name: string;
  skip: string | false;
  create: (log: pino.Logger) => Promise<EventBus>;
}

const implementations: Implementation[] = [
  { name: 'in-process bus', skip: false, create: async (log) => createInProcessBus(log) },
  { name: 'Redis bus', skip: REDIS_URL ? false : 'TEST_REDIS_URL not set', create: (log) => createRedisBus(REDIS_URL!, log) },
];

for (const implementation of implementations) {
  describe(`${implementation.name} contract`, { skip: implementation.skip }, async () => {
    const { log, lines } = capturingLogger();
    const buses: EventBus[] = [];
    const open = async () => {
      const bus = await implementation.create(log);
      buses.push(bus);
      return bus;
    };
    after(async () => {
      await Promise.all(buses.map((bus) => bus.close()));
    });

    it('a subscriber receives what is published on its topic and nothing from other topics', async () => {
      const bus = await open();
      const mine = uniqueTopic('mine');
      const other = uniqueTopic('other');
      const onMine = recorder();
      const onOther = recorder();
      await bus.subscribe(mine, onMine.handler);
      await bus.subscribe(other, onOther.handler);

      await bus.publish(other, { n: 'for other' });
      await bus.publish(mine, { n: 'for mine', nested: { list: [1, 2, 3] } });

      // The other topic's control handler proves its event was delivered before we look.
      await onOther.waitFor(1);
      await onMine.waitFor(1);
      assert.deepEqual(onMine.received, [{ n: 'for mine', nested: { list: [1, 2, 3] } }]);
      assert.deepEqual(onOther.received, [{ n: 'for other' }]);
    });

    it('two handlers on one topic both receive each event', async () => {
      const bus = await open();
      const topic = uniqueTopic('fan-out');
      const first = recorder();
      const second = recorder();
      await bus.subscribe(topic, first.handler);
      await bus.subscribe(topic, second.handler);

      await bus.publish(topic, { n: 1 });

      assert.deepEqual(await first.waitFor(1), [{ n: 1 }]);
      assert.deepEqual(await second.waitFor(1), [{ n: 1 }]);
    });

    it('an unsubscribed handler receives nothing more while the others still do', async () => {
      const bus = await open();
      const topic = uniqueTopic('unsubscribe');
      const leaving = recorder();
      const staying = recorder();
      const leave = await bus.subscribe(topic, leaving.handler);
      await bus.subscribe(topic, staying.handler);
      await bus.publish(topic, { n: 1 });
      await leaving.waitFor(1);

      await leave();
      await bus.publish(topic, { n: 2 });

      // `staying` got event 2, so `leaving` would have had it by now.
      await staying.waitFor(2);
      assert.deepEqual(leaving.received, [{ n: 1 }]);
    });

    it('a topic whose last handler left can be subscribed again', async () => {
      const bus = await open();
      const topic = uniqueTopic('resubscribe');
      const gone = recorder();
      const leave = await bus.subscribe(topic, gone.handler);
      await leave();
      // Ending twice is harmless: it must not end someone else's subscription.
      await leave();

      const back = recorder();
      await bus.subscribe(topic, back.handler);
      await bus.publish(topic, { n: 'again' });

      assert.deepEqual(await back.waitFor(1), [{ n: 'again' }]);
      assert.deepEqual(gone.received, []);
    });

    it('events from one publisher arrive in the order they were published', async () => {
      const bus = await open();
      const topic = uniqueTopic('order');
      const got = recorder();
      await bus.subscribe(topic, got.handler);
      const count = 200;

      // Not awaited one by one: order must hold even when publishes share a round trip.
      await Promise.all(Array.from({ length: count }, (_, n) => bus.publish(topic, { n })));

      const received = await got.waitFor(count);
      assert.deepEqual(received.map((p) => (p as { n: number }).n), Array.from({ length: count }, (_, n) => n));
    });

    it('a throwing handler does not stop the other handlers, and the failure is logged', async () => {
      const bus = await open();
      const topic = uniqueTopic('throwing');
      let thrown = 0;
      await bus.subscribe(topic, () => {
        thrown++;
        throw new Error('handler exploded');
      });
      const healthy = recorder();
      await bus.subscribe(topic, healthy.handler);

      await bus.publish(topic, { n: 1 });
      await bus.publish(topic, { n: 2 });

      assert.deepEqual(await healthy.waitFor(2), [{ n: 1 }, { n: 2 }]);
      assert.equal(thrown, 2, 'the throwing handler stays subscribed and keeps being called');
      assert.equal(lines.filter((l) => l.msg === 'bus handler failed').length >= 2, true, JSON.stringify(lines));
    });
  });
}

describe('Redis bus across processes', { skip: REDIS_URL ? false : 'TEST_REDIS_URL not set' }, async () => {
  const log = pino({ level: 'silent' });
  const buses: EventBus[] = [];
  // A plain client to look at Redis itself, as an operator would.
  const inspector = REDIS_URL ? new Redis(REDIS_URL) : null;
  const open = async (url = REDIS_URL!) => {
    const bus = await createRedisBus(url, log);
    buses.push(bus);
    return bus;
  };
  after(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
    await inspector?.quit();
  });
  /** Server-side channels for a topic, whatever prefix the bus adds; each with its subscriber count. */
  const channelsFor = async (topic: string): Promise<Array<[string, number]>> => {
    const channels = (await inspector!.pubsub('CHANNELS', `*${topic}`)) as string[];
    if (channels.length === 0) return [];
    const counts = (await inspector!.pubsub('NUMSUB', ...channels)) as Array<string | number>;
    return channels.map((_, i) => [String(counts[i * 2]), Number(counts[i * 2 + 1])]);
  };

  it('two bus instances see each other’s events, the publisher’s own subscribers included', async () => {
    const processA = await open();
    const processB = await open();
    const topic = uniqueTopic('two-processes');
    const onA = recorder();
    const onB = recorder();
    await processA.subscribe(topic, onA.handler);
    await processB.subscribe(topic, onB.handler);

    await processA.publish(topic, { from: 'A' });
    await processB.publish(topic, { from: 'B' });

    assert.deepEqual(await onA.waitFor(2), [{ from: 'A' }, { from: 'B' }]);
    assert.deepEqual(await onB.waitFor(2), [{ from: 'A' }, { from: 'B' }]);
  });

  it('a process holds one server-side subscription per topic, dropped when its last local handler leaves', async () => {
    const bus = await open();
    const topic = uniqueTopic('numsub');
    const leaveFirst = await bus.subscribe(topic, () => undefined);
    const leaveSecond = await bus.subscribe(topic, () => undefined);
    const channels = await channelsFor(topic);
    assert.equal(channels.length, 1, JSON.stringify(channels));
    assert.equal(channels[0]![1], 1, 'two local handlers share one Redis subscription');

    await leaveFirst();
    assert.equal((await channelsFor(topic))[0]?.[1], 1, 'still subscribed while a handler remains');

    await leaveSecond();
    assert.deepEqual(await channelsFor(topic), [], 'no server-side subscription left');
  });

  it('a subscription Redis refused is not remembered: once Redis allows it, subscribing to that topic works', async () => {
    // An ACL user without channel rights stands in for any refused SUBSCRIBE (an outage, a failover).
    const user = `tandem-test-${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    await inspector!.call('ACL', 'SETUSER', user, 'on', `>${password}`, '~*', '+@all', 'resetchannels');
    const url = new URL(REDIS_URL!);
    url.username = user;
    url.password = password;
    const bus = await open(url.toString());
    try {
      const topic = uniqueTopic('refused');
      const refused = recorder();
      await assert.rejects(bus.subscribe(topic, refused.handler), /NOPERM/);

      await inspector!.call('ACL', 'SETUSER', user, 'allchannels');
      const accepted = recorder();
      await bus.subscribe(topic, accepted.handler);
      await bus.publish(topic, { n: 1 });

      assert.deepEqual(await accepted.waitFor(1), [{ n: 1 }]);
      assert.deepEqual(refused.received, [], 'a handler whose subscribe failed is not left behind');
    } finally {
      await bus.close();
      await inspector!.call('ACL', 'DELUSER', user);
    }
  });
});
