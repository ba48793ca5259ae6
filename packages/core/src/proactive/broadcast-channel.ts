/** Channels a broadcast or an event message can go out on. `web` lands in the widget. */
export const OUTREACH_CHANNELS = ['email', 'sms', 'whatsapp', 'web'] as const;
export type OutreachChannel = (typeof OUTREACH_CHANNELS)[number];

/** Service notices (outages, delays) need no marketing consent; marketing does. */
export const OUTREACH_PURPOSES = ['service', 'marketing'] as const;
export type OutreachPurpose = (typeof OUTREACH_PURPOSES)[number];

export const SKIP_REASONS = ['opted_out', 'no_consent', 'unreachable'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface RecipientReach {
  /** Channels the customer has an address on (email, phone, WhatsApp number, a widget visit). */
  reachable: readonly OutreachChannel[];
  /** Their preferred channel (set by the host, else the one they last wrote on). */
  preferred: OutreachChannel | null;
  /** They unsubscribed from notices. */
  optedOut: boolean;
  marketingConsent: boolean;
}

/**
 * Where one recipient gets the message: their preferred channel if the sender allows it, else
 * the sender's first allowed channel that reaches them. Opt-out and consent come first.
 */
export function chooseOutreachChannel(
  allowed: readonly OutreachChannel[],
  purpose: OutreachPurpose,
  reach: RecipientReach,
): { channel: OutreachChannel } | { skipped: SkipReason } {
  if (reach.optedOut) return { skipped: 'opted_out' };
  if (purpose === 'marketing' && !reach.marketingConsent) return { skipped: 'no_consent' };
  if (reach.preferred && allowed.includes(reach.preferred) && reach.reachable.includes(reach.preferred)) return { channel: reach.preferred };
  const channel = allowed.find((c) => reach.reachable.includes(c));
  return channel ? { channel } : { skipped: 'unreachable' };
}

/** How many more sends fit in the current minute at this rate. */
export function sendsAllowed(ratePerMinute: number, sentThisMinute: number): number {
  return Math.max(0, ratePerMinute - sentThisMinute);
}
