export const REPLY_ABOVE_MARKER = '##- Please type your reply above this line -##';

export interface ExtractedReply {
  reply: string;
  /** Quoted history was removed. */
  quoted: boolean;
  /** A signature or a "Sent from my phone" trailer was removed. */
  signatureRemoved: boolean;
}

// Gmail wraps right-to-left attributions in bidi embeddings and marks; they would defeat ^ and $.
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const DIGIT = /[0-9\u06f0-\u06f9\u0660-\u0669]/;
// Longer than any client writes: a long "On … wrote:" sentence is the customer's text.
const MAX_ATTRIBUTION = 300;

const ATTRIBUTIONS: ReadonlyArray<{ pattern: RegExp; needsDigit?: true }> = [
  { pattern: /^On\s.+\swrote:$/ },
  { pattern: /^Vào\s.+\sđã viết:$/ },
  { pattern: /^در تاریخ\s.+\sنوشت:$/ },
  // Gmail in Persian puts the sender first ("Ann <a@b.c> در ۳ ژوئن ۲۰۲۴ … نوشت:"); the digits of the
  // date keep an ordinary sentence ending in "نوشت:" ("wrote:") from matching.
  { pattern: /^.+\sدر\s.+\sنوشت:$/, needsDigit: true },
];
const FORWARD_MARKERS: readonly RegExp[] = [
  /^Begin forwarded message:$/i,
  /^Bắt đầu thư được chuyển tiếp:$/i,
  /^شروع پیام بازارسال[\u200c ]?شده:$/,
  /^-{3,}\s*(Forwarded message|Thư đã chuyển tiếp|Thư được chuyển tiếp|پیام بازارسال[\u200c ]?شده)\s*-{3,}$/i,
];
const ORIGINAL_MESSAGE = /^-{3,}\s*(Original Message|Thư gốc|پیام اصلی)\s*-{3,}$/i;
const SEPARATOR = /^_{10,}$/;
// Outlook's header block, in the reader's language: "From:" then "Sent:" (or "Date:") a line or few below.
const HEADER_FROM = /^\*?(From|Từ|از)\s?:\*?\s*\S/i;
const HEADER_SENT = /^\*?(Sent|Date|Đã gửi|Ngày gửi|Ngày|ارسال[\u200c ]?شده|تاریخ)\s?:/i;
const SIGNATURE_DASHES = /^-- ?$/;
// Named devices and apps only: "Gửi từ Hà Nội" ("sent from Hanoi") is the customer's own line.
const DEVICE = '(iPhone|iPad|Android|Samsung|Galaxy|Outlook|Yahoo|Mail)';
const TRAILERS: readonly RegExp[] = [
  /^Sent from my \S.{0,40}$/i,
  new RegExp(`^Sent from ${DEVICE}\\b.{0,40}$`, 'i'),
  /^Get Outlook for (iOS|Android)$/i,
  new RegExp(`^Gửi từ (${DEVICE}|điện thoại|thiết bị di động)\\b.{0,40}$`, 'iu'),
  new RegExp(`^ارسال[\u200c ]?شده از (${DEVICE}|گوشی|تلفن همراه).{0,40}$`, 'iu'),
];

const clean = (line: string): string => line.normalize('NFC').replace(BIDI_CONTROLS, '').trim();
const isQuote = (line: string): boolean => line.startsWith('>');
const isBlank = (line: string): boolean => line.trim() === '';

function isAttribution(text: string): boolean {
  if (text.length > MAX_ATTRIBUTION) return false;
  return ATTRIBUTIONS.some(({ pattern, needsDigit }) => pattern.test(text) && (!needsDigit || DIGIT.test(text)));
}

/** How many lines (1 or 2, for a wrapped one) the attribution at `i` spans, or 0. */
function attributionSpan(lines: readonly string[], i: number): number {
  const line = clean(lines[i] ?? '');
  if (line === '' || isQuote(line)) return 0;
  if (isAttribution(line)) return 1;
  const next = clean(lines[i + 1] ?? '');
  // Joined only when the next line is not an attribution on its own, so the customer's last
  // line is not swallowed into the attribution below it.
  if (next === '' || isQuote(next) || isAttribution(next)) return 0;
  return isAttribution(`${line} ${next}`) ? 2 : 0;
}

function isHeaderBlock(lines: readonly string[], i: number): boolean {
  if (!HEADER_FROM.test(clean(lines[i] ?? ''))) return false;
  return lines.slice(i + 1, i + 6).some((line) => HEADER_SENT.test(clean(line)));
}

function nextNonBlank(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length && isBlank(lines[i] ?? '')) i += 1;
  return i;
}

function startsHistory(lines: readonly string[], i: number): boolean {
  const line = clean(lines[i] ?? '');
  if (line.includes(REPLY_ABOVE_MARKER) || ORIGINAL_MESSAGE.test(line)) return true;
  if (SEPARATOR.test(line)) return isHeaderBlock(lines, nextNonBlank(lines, i + 1));
  return isHeaderBlock(lines, i);
}

interface Split {
  head: string[];
  forwarded: string[];
  quoted: boolean;
}

/** Drops quoted blocks and history; a forward is the customer's message, so it is kept as is. */
function splitQuotes(lines: readonly string[]): Split {
  const head: string[] = [];
  let quoted = false;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (isQuote(line)) {
      while (i < lines.length && isQuote(lines[i] ?? '')) i += 1;
      quoted = true;
      continue;
    }
    const span = attributionSpan(lines, i);
    if (span > 0) {
      const after = nextNonBlank(lines, i + span);
      // An attribution over ">" lines heads one quoted block (replies may be interleaved);
      // without them, everything below it is history.
      if (isQuote(lines[after] ?? '')) {
        i = after;
        continue;
      }
      return { head, forwarded: [], quoted: true };
    }
    if (startsHistory(lines, i)) return { head, forwarded: [], quoted: true };
    if (FORWARD_MARKERS.some((re) => re.test(clean(line)))) return { head, forwarded: lines.slice(i), quoted };
    head.push(line);
    i += 1;
  }
  return { head, forwarded: [], quoted };
}

function dropSignature(head: readonly string[]): { lines: string[]; removed: boolean } {
  const dashes = head.findIndex((line) => SIGNATURE_DASHES.test(line));
  const lines = dashes === -1 ? [...head] : head.slice(0, dashes);
  let removed = dashes !== -1;
  for (;;) {
    while (lines.length > 0 && isBlank(lines[lines.length - 1] ?? '')) lines.pop();
    const last = clean(lines[lines.length - 1] ?? '');
    if (last === '' || !TRAILERS.some((re) => re.test(last))) break;
    lines.pop();
    removed = true;
  }
  return { lines, removed };
}

const trimLines = (lines: readonly string[]): string => lines.map((line) => line.trimEnd()).join('\n').trim();
// Removed blocks leave runs of blank lines behind.
const tidy = (lines: readonly string[]): string => trimLines(lines).replace(/\n{3,}/g, '\n\n');

/**
 * The new text of a plain-text email reply: quoted history, our reply marker and the signature
 * removed. When nothing would be left (a mail that is all quote), the whole text comes back.
 */
export function extractReply(text: string): ExtractedReply {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const split = splitQuotes(lines);
  const signature = dropSignature(split.head);
  // A blank line before a kept forward only where a line was dropped, so the reply never outgrows the input.
  const gap = split.forwarded.length > 0 && signature.lines.length < split.head.length ? [''] : [];
  const reply = tidy([...signature.lines, ...gap, ...split.forwarded]);
  if (reply === '') return { reply: trimLines(lines), quoted: false, signatureRemoved: false };
  return { reply, quoted: split.quoted, signatureRemoved: signature.removed };
}
