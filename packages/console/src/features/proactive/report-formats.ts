/** Rates for the experiment table: a share of customers, and the exposed group's lead over the control group. */
export interface RateFormats {
  /** A share 0–1 ("12.5%"); null when the group is empty. */
  rate(value: number | null): string;
  /** A difference of two shares, signed ("+3.2%", in percentage points). */
  difference(value: number | null): string;
}

const NONE = '—';

export function createRateFormats(locale: string): RateFormats {
  const rate = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const difference = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  return {
    rate: (value) => (value === null ? NONE : rate.format(value)),
    difference: (value) => (value === null ? NONE : difference.format(value)),
  };
}

/** The share of a group's customers who did something; null for an empty group (no rate to speak of). */
export const shareOf = (count: number, customers: number): number | null => (customers > 0 ? count / customers : null);
