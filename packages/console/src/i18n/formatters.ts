const UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
] as const;

/** A duration in its largest whole unit, in the agent's language: "5 min", "۲ ساعت", "3 ngày". */
export function formatAge(ms: number, locale: string): string {
  const abs = Math.max(0, ms);
  for (const [unit, size] of UNITS) {
    if (abs >= size || unit === 'minute') {
      return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(Math.floor(abs / size));
    }
  }
  return '';
}

export function formatTime(iso: string, locale: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const today = date.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(locale, today ? { hour: 'numeric', minute: '2-digit' } : { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(date);
}

export function formatBytes(bytes: number, locale: string): string {
  const mb = bytes / 1024 / 1024;
  return mb >= 1
    ? new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 }).format(mb)
    : new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 0 }).format(bytes / 1024);
}
