export type BackoffOptions = {
  baseMs: number;
  capMs: number;
  /** [0, 1), injectable so tests can pin the jitter. */
  random: () => number;
};

export const DEFAULT_BACKOFF: Omit<BackoffOptions, 'random'> = { baseMs: 500, capMs: 30_000 };

/**
 * Exponential backoff with full jitter: a uniform delay in [0, min(cap, base·2^attempt)).
 * After a server restart every widget reconnects at once; full jitter spreads them out
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const exponent = Math.min(Math.max(attempt, 0), 30);
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** exponent);
  const unit = Math.min(Math.max(options.random(), 0), 1 - Number.EPSILON);
  return Math.floor(unit * ceiling);
}
