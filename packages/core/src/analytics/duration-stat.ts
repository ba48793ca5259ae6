/** How many durations there are, and their median and 90th percentile (null when there are none). */
export interface DurationStat {
  count: number;
  median: number | null;
  p90: number | null;
}

/**
 * The `fraction` percentile of `values` with PostgreSQL's `percentile_cont` semantics: sort,
 * take the 0-based position `fraction × (n − 1)`, and interpolate linearly between the values
 * at the closest ranks below and above it. null when there are no values. The server computes
 * the same figure in SQL on large data, so the two must agree to the last digit.
 */
export function percentileCont(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below]!;
  // Postgres's own formula: lo + (hi − lo) × (position − floor(position)).
  return low + (sorted[above]! - low) * (position - below);
}

/**
 * Count, median and 90th percentile of durations, as PostgreSQL's
 * `percentile_cont(0.5)` and `percentile_cont(0.9) WITHIN GROUP (ORDER BY value)` give them
 * (linear interpolation between the closest ranks, not the nearest rank).
 */
export function durationStat(values: readonly number[]): DurationStat {
  return { count: values.length, median: percentileCont(values, 0.5), p90: percentileCont(values, 0.9) };
}

/**
 * `part / whole` rounded to 4 decimals (half away from zero, as Postgres's `round(numeric, 4)`),
 * or null when `whole` is 0: a rate of nothing is unknown, not zero.
 */
export function share(part: number, whole: number): number | null {
  if (whole === 0) return null;
  // Scale before dividing: for whole counts the one division is then the only rounding step.
  const scaled = (part * 10_000) / whole;
  return (Math.sign(scaled) * Math.round(Math.abs(scaled))) / 10_000;
}
