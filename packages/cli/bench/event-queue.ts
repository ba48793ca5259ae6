// The simulation's future events: a binary min-heap on time. Events at the same instant come
// out in the order they were scheduled, so a run is the same on every machine.

interface Entry<T> {
  at: number;
  seq: number;
  event: T;
}

export interface EventQueue<T> {
  push(at: number, event: T): void;
  /** The earliest event and its time, or null when none is left. */
  pop(): { at: number; event: T } | null;
  readonly size: number;
}

const before = <T>(a: Entry<T>, b: Entry<T>) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

export function createEventQueue<T>(): EventQueue<T> {
  const heap: Entry<T>[] = [];
  let seq = 0;
  return {
    push(at, event) {
      const entry = { at, seq: seq++, event };
      let i = heap.push(entry) - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(entry, heap[parent]!)) break;
        heap[i] = heap[parent]!;
        i = parent;
      }
      heap[i] = entry;
    },
    pop() {
      const top = heap[0];
      if (!top) return null;
      const last = heap.pop()!;
      if (heap.length > 0) {
        let i = 0;
        for (;;) {
          const left = 2 * i + 1;
          if (left >= heap.length) break;
          const right = left + 1;
          const child = right < heap.length && before(heap[right]!, heap[left]!) ? right : left;
          if (!before(heap[child]!, last)) break;
          heap[i] = heap[child]!;
          i = child;
        }
        heap[i] = last;
      }
      return { at: top.at, event: top.event };
    },
    get size() {
      return heap.length;
    },
  };
}
