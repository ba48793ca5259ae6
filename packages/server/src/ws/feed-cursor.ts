/**
 * Delivers an ordered stream exactly once, whatever order live events arrive in: events at or
 * below the last delivered position are dropped, and a jump ahead is filled from storage
 * first. Commit order equals sequence order, so whatever a live event skipped is stored.
 */
export function createFeedCursor<T>(options: {
  position: number;
  seqOf: (item: T) => number;
  load: (after: number) => Promise<T[]>;
  deliver: (item: T) => void;
  onError: (error: unknown) => void;
}) {
  let position = options.position;
  let chain: Promise<void> = Promise.resolve();

  function deliverInOrder(items: readonly T[]): void {
    for (const item of items) {
      const seq = options.seqOf(item);
      if (seq <= position) continue;
      options.deliver(item);
      position = seq;
    }
  }

  async function catchUp(target: number): Promise<void> {
    while (position < target) {
      const batch = await options.load(position);
      if (batch.length === 0) return;
      deliverInOrder(batch);
    }
  }

  const enqueue = (work: () => Promise<void>) => {
    chain = chain.then(work).catch(options.onError);
    return chain;
  };

  return {
    get position() {
      return position;
    },
    /** Replays everything stored after the current position. */
    replay: () => enqueue(() => catchUp(Number.MAX_SAFE_INTEGER)),
    /** A live event: delivered now, dropped as a duplicate, or preceded by what it skipped. */
    live: (item: T) =>
      enqueue(async () => {
        const seq = options.seqOf(item);
        if (seq > position + 1) await catchUp(seq - 1);
        deliverInOrder([item]);
      }),
  };
}
