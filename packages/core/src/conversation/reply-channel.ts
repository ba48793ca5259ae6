import type { ChannelKind } from '../vocabulary.ts';

export type ReplyChannelDecision =
  | { kind: 'ok'; channel: ChannelKind }
  | { kind: 'rejected'; reason: 'channel_not_reachable' };

/**
 * The channel an agent's reply goes out on: the one the customer used last, unless the agent
 * picks another the customer can be reached on.
 */
export function chooseReplyChannel(
  lastCustomerChannel: ChannelKind | null,
  reachable: readonly ChannelKind[],
  requested: ChannelKind | undefined,
): ReplyChannelDecision {
  if (requested !== undefined) {
    if (requested === 'api' || reachable.includes(requested)) return { kind: 'ok', channel: requested };
    return { kind: 'rejected', reason: 'channel_not_reachable' };
  }
  return { kind: 'ok', channel: lastCustomerChannel ?? reachable[0] ?? 'api' };
}
