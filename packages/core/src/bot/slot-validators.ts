// Reads a customer's answer to a flow question as one kind of value, from a bare answer or a
// sentence around it ("my order is #A-1042 please"). Pure: "today" is relative to `now`.
import { foldDiacritics, normalizeText, tokenize } from '../search/normalize.ts';

export const SLOT_KINDS = ['text', 'email', 'phone', 'order_number', 'date', 'number'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

export type SlotValue = { ok: true; value: string } | { ok: false };

export function isSlotKind(kind: string): kind is SlotKind {
  return (SLOT_KINDS as readonly string[]).includes(kind);
}

const TEXT_MAX = 500;
const NO: SlotValue = { ok: false };
const ok = (value: string): SlotValue => ({ ok: true, value });

/**
 * The canonical value of an answer, or `{ ok: false }` to ask again: emails lower case, phones
 * `+84901234567` or bare digits, order numbers upper case without '#', dates `yyyy-mm-dd`,
 * numbers with ASCII digits and a '.' decimal point, text trimmed (at most 500 characters).
 */
export function validateSlot(kind: SlotKind, input: string, now: Date): SlotValue {
  if (kind === 'text') return readText(input);
  // Persian/Arabic-Indic digits become ASCII and zero-width joiners go, for every other kind.
  const normalized = normalizeText(input).trim();
  switch (kind) {
    case 'email':
      return readEmail(normalized);
    case 'phone':
      return readPhone(normalized);
    case 'order_number':
      return readOrderNumber(normalized);
    case 'date':
      return readDate(normalized, now);
    case 'number':
      return readNumber(normalized);
  }
}

function readText(input: string): SlotValue {
  const value = input.normalize('NFC').trim();
  return value.length > 0 && [...value].length <= TEXT_MAX ? ok(value) : NO;
}

// ASCII addresses only: internationalised ones are rare in support and hard to check well.
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/;

function readEmail(text: string): SlotValue {
  const email = EMAIL.exec(text)?.[0];
  return email !== undefined && email.length <= 254 ? ok(email) : NO;
}

// A run of digits with the separators people type: "+84 (90) 123-4567".
const PHONE_RUN = /[+(]*\d[\d\s().-]*\d/g;

function readPhone(text: string): SlotValue {
  for (const run of text.match(PHONE_RUN) ?? []) {
    const digits = run.replace(/\D/g, '');
    if (digits.length >= 7 && digits.length <= 15) return ok(run.includes('+') ? `+${digits}` : digits);
  }
  return NO;
}

const ORDER_NUMBER = /^#?([a-z0-9](?:[a-z0-9-]{1,30}[a-z0-9]))$/;

/** The first word that looks like an order number; one written with '#' wins over the others. */
function readOrderNumber(text: string): SlotValue {
  const candidates = text
    .split(/\s+/)
    .map((word) => word.replace(/^[("'“«]+|[)"'”».,;:!?؟،]+$/g, ''))
    .filter((word) => ORDER_NUMBER.test(word) && /\d/.test(word));
  const best = candidates.find((word) => word.startsWith('#')) ?? candidates[0];
  return best === undefined ? NO : ok(best.replace(/^#/, '').toUpperCase());
}

const ISO_DATE = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;
// Day first, as written in Vietnam, Iran and most of the world: 31/12/2026, 31.12.2026, 31-12-2026.
const DAY_FIRST = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/;
// Folded (no diacritics), so "hom nay" counts as "hôm nay".
const RELATIVE_DAYS: ReadonlyArray<[string, number]> = [
  ['today', 0], ['hom nay', 0], ['امروز', 0],
  ['tomorrow', 1], ['ngay mai', 1], ['فردا', 1],
  ['yesterday', -1], ['hom qua', -1], ['دیروز', -1],
];

/** Relative words count from `now`'s UTC date: callers wanting a local day pass a shifted `now`. */
function readDate(text: string, now: Date): SlotValue {
  const iso = ISO_DATE.exec(text);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) return calendarDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  const words = ` ${tokenize(foldDiacritics(text)).join(' ')} `;
  const relative = RELATIVE_DAYS.find(([word]) => words.includes(` ${word} `));
  if (!relative) return NO;
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + relative[1]));
  return ok(day.toISOString().slice(0, 10));
}

function calendarDate(year: number, month: number, day: number): SlotValue {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over to March 2: a date that does not survive the round trip is impossible.
  const exists = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return exists ? ok(date.toISOString().slice(0, 10)) : NO;
}

// The Arabic thousands separator (٬) is read too, so "۱٬۵۰۰" is refused rather than read as 1.
const NUMBER = /[-+]?\d[\d.,٫٬]*/;
const PLAIN_NUMBER = /^[-+]?\d+(?:[.٫]\d+)?$/;

/**
 * The first number in the answer. A comma is refused rather than guessed: "1,500" is one and a
 * half in Vietnamese and fifteen hundred in English, so the customer is asked again.
 */
function readNumber(text: string): SlotValue {
  const found = NUMBER.exec(text)?.[0].replace(/[.,٫]$/, '');
  if (found === undefined || !PLAIN_NUMBER.test(found)) return NO;
  return ok(found.replace(/^\+/, '').replace('٫', '.'));
}
