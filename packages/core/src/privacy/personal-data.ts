/**
 * Finds personal data in free text: payment card numbers (Luhn-checked), IBANs (mod-97
 * checked), e-mail addresses, phone numbers, and national ids (Iran's 10-digit code with its
 * check digit, Vietnam's 12-digit citizen id, the US SSN). Persian and Arabic-Indic digits
 * count as digits, so "۶۰۳۷ ۹۹۱۱ …" is found like "6037 9911 …".
 *
 * Detection errs towards masking: a 12-digit number that happens to look like a citizen id is
 * masked. Numbers without a check digit and without a phone's shape (order numbers,
 * amounts) are left alone.
 */
export const PERSONAL_DATA_KINDS = ['email', 'iban', 'card', 'national_id', 'phone'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export interface PersonalDataSpan {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

/** Persian (U+06F0…) and Arabic-Indic (U+0660…) digits become ASCII; every character keeps its offset. */
function asciiDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90));
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

export function ibanValid(raw: string): boolean {
  const iban = raw.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of value) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

/** Iran's کد ملی: 10 digits, the last a check digit over the first nine. */
export function iranNationalCodeValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits) || /^(\d)\1{9}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
  const check = sum % 11;
  return Number(digits[9]) === (check < 2 ? check : 11 - check);
}

/** Vietnam's CCCD: a province code 001–096, a century/sex digit, two year digits, six more. */
const VIETNAM_CITIZEN_ID = /^0(?:0[1-9]|[1-8]\d|9[0-6])[0-9]\d{8}$/;
const US_SSN = /^(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}$/;

interface Detector {
  kind: PersonalDataKind;
  pattern: RegExp;
  accept: (match: string) => boolean;
}

// Digit runs may be grouped by single spaces, dashes or dots, as people type them.
const DETECTORS: readonly Detector[] = [
  // Bounded as the RFC bounds them (64-character local part, 63-character labels): unbounded,
  // a long run of letters costs quadratic time before the pattern gives up.
  { kind: 'email', pattern: /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}/gu, accept: () => true },
  { kind: 'iban', pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8}\b/g, accept: ibanValid },
  {
    kind: 'card',
    pattern: /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g,
    accept: (m) => {
      const d = digitsOf(m);
      return d.length >= 13 && d.length <= 19 && !/^(\d)\1+$/.test(d) && luhnValid(d);
    },
  },
  {
    kind: 'national_id',
    pattern: /(?<![\d-])(?:\d{3}-\d{2}-\d{4}|\d{3}-?\d{6}-?\d|\d{10}|\d{12})(?![\d-])/g,
    accept: (m) => US_SSN.test(m) || iranNationalCodeValid(digitsOf(m)) || VIETNAM_CITIZEN_ID.test(m),
  },
  {
    kind: 'phone',
    pattern: /(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d(?:[ .-]?\d){6,13}(?![\w])/g,
    accept: (m) => {
      const d = digitsOf(m);
      // A phone has an international prefix, a trunk 0, or the (area) shape; bare numbers are ids or amounts.
      return d.length >= 8 && d.length <= 15 && (m.startsWith('+') || m.startsWith('0') || m.startsWith('('));
    },
  },
];

export function findPersonalData(text: string): PersonalDataSpan[] {
  const shadow = asciiDigits(text);
  const spans: PersonalDataSpan[] = [];
  const taken = (start: number, end: number) => spans.some((s) => start < s.end && s.start < end);
  for (const detector of DETECTORS) {
    const pattern = new RegExp(detector.pattern.source, detector.pattern.flags);
    for (let match = pattern.exec(shadow); match; match = pattern.exec(shadow)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!taken(start, end) && detector.accept(match[0])) spans.push({ kind: detector.kind, start, end });
      // A run that fails its check may hold one that passes: "$100 4111 1111 1111 1111" is
      // tried as a whole, then again from the next place a number can start.
      else pattern.lastIndex = start + 1;
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * `token` replaces each finding with its kind (`[card]`), for what is stored for training and
 * logs. `partial` keeps what lets an agent tell two apart without exposing them: a card's or
 * account's last four digits, an e-mail's domain.
 */
export type MaskStyle = 'token' | 'partial';

function maskSpan(original: string, kind: PersonalDataKind, style: MaskStyle): string {
  if (style === 'token') return `[${kind}]`;
  if (kind === 'email') return `•••@${original.slice(original.indexOf('@') + 1)}`;
  const tail = digitsOf(asciiDigits(original)).slice(-4);
  return kind === 'card' || kind === 'iban' ? `[${kind} ••${tail}]` : `[${kind}]`;
}

export function maskPersonalData(text: string, style: MaskStyle = 'token'): { text: string; found: PersonalDataKind[] } {
  const spans = findPersonalData(text);
  if (spans.length === 0) return { text, found: [] };
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + maskSpan(text.slice(span.start, span.end), span.kind, style);
    at = span.end;
  }
  return { text: out + text.slice(at), found: spans.map((s) => s.kind) };
}
