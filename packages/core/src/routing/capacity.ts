/** How an agent's attention is counted: a call takes all of it, a live chat a third, an asynchronous conversation an eighth. */
import type { ChannelKind } from '../vocabulary.ts';

export const CAPACITY_KINDS = ['voice', 'live', 'async'] as const;
export type CapacityKind = (typeof CAPACITY_KINDS)[number];

/** How many open conversations of each kind an agent can hold at once. */
export type Capacity = Readonly<Record<CapacityKind, number>>;
/** How many open conversations of each kind an agent holds now. */
export type Load = Readonly<Record<CapacityKind, number>>;

export const DEFAULT_CAPACITY: Capacity = { voice: 1, live: 3, async: 8 };
export const NO_LOAD: Load = { voice: 0, live: 0, async: 0 };

/**
 * Web messaging, email, SMS and WhatsApp are asynchronous: the customer may leave and come back.
 * A workspace that runs its web channel as live chat (answers within seconds) counts it as live.
 */
export function capacityKindOf(channel: ChannelKind | null, webIsLive = false): CapacityKind {
  if (channel === 'voice') return 'voice';
  if (channel === 'web' && webIsLive) return 'live';
  return 'async';
}

export const hasRoom = (load: Load, capacity: Capacity, kind: CapacityKind): boolean => load[kind] < capacity[kind];

/**
 * One number for how busy an agent is: each conversation counts as a share of its kind's
 * capacity, so 3 live chats out of 3 weigh as much as 8 asynchronous ones out of 8 (1 = full).
 */
export function weightedLoad(load: Load, capacity: Capacity): number {
  let total = 0;
  for (const kind of CAPACITY_KINDS) if (capacity[kind] > 0) total += load[kind] / capacity[kind];
  return total;
}

export const withOneMore = (load: Load, kind: CapacityKind): Load => ({ ...load, [kind]: load[kind] + 1 });
