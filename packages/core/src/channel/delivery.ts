import type { DeliveryStatus } from '../vocabulary.ts';

/** How far a message has got; a late or replayed callback never moves it back. */
const PROGRESS: Record<DeliveryStatus, number> = { stored: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

/**
 * The status after a provider's callback. Providers deliver callbacks out of order and more
 * than once (Twilio and Meta both say so), so only forward moves count; a failure after
 * delivery (a read receipt that never comes is not a failure) is ignored.
 */
export function advanceDelivery(current: DeliveryStatus, reported: DeliveryStatus): DeliveryStatus {
  if (current === 'failed') return reported === 'stored' ? current : PROGRESS[reported] < PROGRESS.failed ? reported : current;
  if (reported === 'failed') return current === 'stored' || current === 'sent' ? 'failed' : current;
  return PROGRESS[reported] > PROGRESS[current] ? reported : current;
}

export type SendFailureKind = 'temporary' | 'auth' | 'rejected';

export type RetryDecision = { kind: 'retry'; at: Date } | { kind: 'give_up' };

/** Backoff steps in seconds: about a day of trying before a temporary failure becomes final. */
export const RETRY_STEPS_SECONDS = [30, 120, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600] as const;

/**
 * What to do after a failed send attempt (`attempts` counts this one). Only temporary failures
 * are retried: a refused recipient or a bad credential will fail the same way again.
 */
export function retryAfterFailure(failure: SendFailureKind, attempts: number, now: Date): RetryDecision {
  if (failure !== 'temporary' || attempts > RETRY_STEPS_SECONDS.length) return { kind: 'give_up' };
  const seconds = RETRY_STEPS_SECONDS[attempts - 1]!;
  return { kind: 'retry', at: new Date(now.getTime() + seconds * 1000) };
}
