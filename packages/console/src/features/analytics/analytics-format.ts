// Numbers in the reader's language (Persian digits in fa) for tables, tiles and chart ticks.

const NONE = '—';
const DURATION_UNITS = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
] as const;

/** A duration in its two largest units: "1 hr, 5 min", "2 giờ, 5 phút", "۱ ساعت، ۵ دقیقه". */
export function formatDuration(seconds: number | null, locale: string): string {
  if (seconds === null || !Number.isFinite(seconds)) return NONE;
  const unitOf = (unit: string, amount: number) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(amount);
  let rest = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  for (const [unit, size] of DURATION_UNITS) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    // A zero after the first unit ends it: "1 hr", not "1 hr, 0 min".
    if (amount === 0 && parts.length > 0) break;
    if (amount > 0) parts.push(unitOf(unit, amount));
    if (parts.length === 2) break;
  }
  if (parts.length === 0) parts.push(unitOf('second', 0));
  return new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(parts);
}

export interface Formats {
  count(value: number | null): string;
  decimal(value: number | null): string;
  /** A share from 0 to 1 as a percentage. */
  percent(value: number | null): string;
  duration(seconds: number | null): string;
  /** A YYYY-MM-DD day, shown in the reader's calendar (Persian readers get the solar calendar). */
  day(day: string): string;
  /** A weekday, 0 = Sunday. */
  weekday(weekday: number): string;
  /** A 30-minute slot of the day, 0 = 00:00. */
  slot(slot: number): string;
}

export function createFormats(locale: string): Formats {
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
  const orNone = (format: (n: number) => string) => (value: number | null) => (value === null || !Number.isFinite(value) ? NONE : format(value));
  return {
    count: orNone((n) => count.format(n)),
    decimal: orNone((n) => decimal.format(n)),
    percent: orNone((n) => percent.format(n)),
    duration: (seconds) => formatDuration(seconds, locale),
    day: (iso) => day.format(new Date(`${iso}T00:00:00Z`)),
    // 2026-11-01 was a Sunday.
    weekday: (n) => weekday.format(new Date(Date.UTC(2026, 10, 1 + n))),
    slot: (n) => time.format(new Date(Date.UTC(2026, 0, 1, 0, n * 30))),
  };
}
