import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createFeedCursor } from './feed-cursor.ts';

function harness(stored: number[], position = 0) {
  const delivered: number[] = [];
  const loads: number[] = [];
  const cursor = createFeedCursor<number>({
    position,
    seqOf: (n) => n,
    load: async (after) => {
      loads.push(after);
      return stored.filter((n) => n > after).slice(0, 2);
    },
    deliver: (n) => delivered.push(n),
    onError: (error) => assert.fail(String(error)),
  });
  return { cursor, delivered, loads };
}

describe('createFeedCursor', () => {
  it('replays everything after the position, page by page', async () => {
    const { cursor, delivered } = harness([1, 2, 3, 4, 5], 1);
    await cursor.replay();
    assert.deepEqual(delivered, [2, 3, 4, 5]);
  });

  it('drops live events it has already delivered', async () => {
    const { cursor, delivered } = harness([1, 2, 3], 0);
    await cursor.replay();
    await cursor.live(2);
    await cursor.live(3);
    assert.deepEqual(delivered, [1, 2, 3]);
  });

  it('fills a gap from storage before delivering a live event that skipped ahead', async () => {
    // Events 2 and 3 were committed but their live announcements arrive after 4's.
    const { cursor, delivered, loads } = harness([1, 2, 3, 4], 1);
    await cursor.live(4);
    await cursor.live(2);
    await cursor.live(3);
    assert.deepEqual(delivered, [2, 3, 4]);
    assert.deepEqual(loads, [1]);
  });

  it('delivers in order while live events race a replay', async () => {
    const { cursor, delivered } = harness([1, 2, 3, 4, 5, 6], 0);
    const replay = cursor.replay();
    const live = [cursor.live(6), cursor.live(5)];
    await Promise.all([replay, ...live]);
    assert.deepEqual(delivered, [1, 2, 3, 4, 5, 6]);
  });
});
