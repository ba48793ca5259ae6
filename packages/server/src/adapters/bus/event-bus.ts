/**
 * Fan-out of committed events to every server process. Delivery is at-most-once and
 * best-effort: durability and ordering come from the database (feed and message sequence
 * numbers), so a subscriber that misses something replays it from storage.
 */
export interface EventBus {
  publish(topic: string, payload: unknown): Promise<void>;
  /** Resolves once the subscription is live; the returned function ends it. */
  subscribe(topic: string, handler: BusHandler): Promise<() => Promise<void>>;
  /**
   * Calls `listener` whenever delivery may have skipped events: repeatedly while the connection to
   * the other processes is down, and again once it is back. Subscribers then read what they missed
   * from storage, by sequence number. Returns the function that stops the calls.
   */
  onPossibleGap(listener: () => void): () => void;
  close(): Promise<void>;
}

export type BusHandler = (payload: unknown) => void;

export const topics = {
  feed: (workspaceId: string) => `feed:${workspaceId}`,
  customer: (workspaceId: string, customerId: string) => `customer:${workspaceId}:${customerId}`,
  /** Ephemeral agent-side signals (typing, receipts, viewing): never stored in the feed. */
  signals: (workspaceId: string) => `signals:${workspaceId}`,
  /** A knowledge-base article changed: every process refreshes it in its search index. */
  kb: (workspaceId: string) => `kb:${workspaceId}`,
  /** The workspace's privacy settings changed: every process updates what it caches of them. */
  privacy: (workspaceId: string) => `privacy:${workspaceId}`,
};

/** Local handler bookkeeping shared by both implementations. */
export class HandlerRegistry {
  readonly #handlers = new Map<string, Set<BusHandler>>();

  /** Adds a handler; true when it is the topic's first. */
  add(topic: string, handler: BusHandler): boolean {
    let set = this.#handlers.get(topic);
    const first = set === undefined;
    if (!set) this.#handlers.set(topic, (set = new Set()));
    set.add(handler);
    return first;
  }

  /** Removes a handler; true when the topic has none left. */
  remove(topic: string, handler: BusHandler): boolean {
    const set = this.#handlers.get(topic);
    if (!set?.delete(handler)) return false;
    if (set.size > 0) return false;
    this.#handlers.delete(topic);
    return true;
  }

  dispatch(topic: string, payload: unknown, onError: (error: unknown) => void): void {
    const set = this.#handlers.get(topic);
    if (!set) return;
    for (const handler of [...set]) {
      try {
        handler(payload);
      } catch (error) {
        onError(error);
      }
    }
  }

  /** Every topic with at least one handler. */
  topics(): string[] {
    return [...this.#handlers.keys()];
  }

  clear(): void {
    this.#handlers.clear();
  }
}
