import type { WidgetLocale } from '../state/widget-state.ts';

const UNITS = [
  ['byte', 1],
  ['kilobyte', 1024],
  ['megabyte', 1024 ** 2],
  ['gigabyte', 1024 ** 3],
] as const;

/** "2.4 MB" in the customer's language (Persian digits in fa). */
export function formatBytes(bytes: number, locale: WidgetLocale): string {
  let unit: (typeof UNITS)[number] = UNITS[0];
  for (const candidate of UNITS) if (bytes >= candidate[1]) unit = candidate;
  const value = bytes / unit[1];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: unit[0],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit[1] > 1 ? 1 : 0,
  }).format(value);
}

/** A message's time: "14:05" today, with the date when it is older. */
export function formatMessageTime(iso: string, locale: WidgetLocale, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const isToday = date.toDateString() === now.toDateString();
  const options: Intl.DateTimeFormatOptions = isToday
    ? { hour: 'numeric', minute: '2-digit' }
    : { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** When the team is back: "Monday 09:00", or just the time when that is today. */
export function formatNextOpen(iso: string, locale: WidgetLocale, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const isToday = date.toDateString() === now.toDateString();
  const options: Intl.DateTimeFormatOptions = isToday
    ? { hour: 'numeric', minute: '2-digit' }
    : { weekday: 'long', hour: 'numeric', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

export function formatDay(iso: string, locale: WidgetLocale): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}
