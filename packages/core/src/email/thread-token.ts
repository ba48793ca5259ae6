// RFC 4648 base32 in lower case: some MTAs lower-case the local part of an address, and
// base32 (unlike base64) survives that.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN_LENGTH = 26; // 128 bits in 5-bit characters, the last one padded with 2 zero bits
const TAG_LENGTH = 8; // the last 5 bytes exactly
const ADDRESS_TOKEN = /\+c-([a-z2-7]{26})@/;
const SUBJECT_TAG = /\[#([a-z2-7]{8})\]/i;
const ANY_TAG = /\s*\[#[a-z2-7]{8}\]/gi;
// Reply and forward prefixes in the languages our customers write in, repeated or numbered
// ("Re[2]:"), and Outlook's full-width colon.
const PREFIXES = /^((re|fwd?|aw|sv|vs|wg|tr|trả lời|tl|پاسخ|رد|بازارسال)\s*(\[\d+\]|\(\d+\))?\s*[:：]\s*)+/iu;

function uuidBytes(uuid: string): Uint8Array | null {
  if (!UUID.test(uuid)) return null;
  const hex = uuid.replace(/-/g, '');
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i += 1) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function requireUuid(conversationId: string): Uint8Array {
  const bytes = uuidBytes(conversationId);
  // A caller bug, not an expected outcome: conversation ids are always UUIDs.
  if (bytes === null) throw new RangeError(`not a UUID: ${conversationId}`);
  return bytes;
}

function toBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** The bytes of a token, or null unless it is the one canonical encoding (zero padding bits). */
function fromBase32(text: string, byteLength: number): Uint8Array | null {
  const bytes = new Uint8Array(byteLength);
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (const char of text) {
    const value = ALPHABET.indexOf(char);
    if (value === -1) return null;
    buffer = ((buffer << 5) | value) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      if (at >= byteLength) return null;
      bytes[at] = (buffer >> bits) & 0xff;
      at += 1;
    }
  }
  if (at !== byteLength || (buffer & ((1 << bits) - 1)) !== 0) return null;
  return bytes;
}

function formatUuid(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The address a customer replies to: `support+c-<token>@example.com`. */
export function replyAddress(supportAddress: string, conversationId: string): string {
  const at = supportAddress.lastIndexOf('@');
  if (at <= 0) throw new RangeError(`not an email address: ${supportAddress}`);
  const token = toBase32(requireUuid(conversationId));
  return `${supportAddress.slice(0, at)}+c-${token}${supportAddress.slice(at)}`;
}

/** The conversation id carried in a reply address (any case), or null. */
export function tokenFromAddress(address: string): string | null {
  const token = ADDRESS_TOKEN.exec(address.toLowerCase())?.[1];
  if (token === undefined || token.length !== TOKEN_LENGTH) return null;
  const bytes = fromBase32(token, 16);
  return bytes === null ? null : formatUuid(bytes);
}

// The last 5 bytes are the random tail of a UUIDv7; its leading bytes are a timestamp that
// conversations opened in the same millisecond would share.
const tagOf = (bytes: Uint8Array): string => toBase32(bytes.subarray(11));

/** `[#xxxxxxxx]`: a short hint for threading when a client drops the reply address. */
export function subjectTag(conversationId: string): string {
  return `[#${tagOf(requireUuid(conversationId))}]`;
}

export function tagFromSubject(subject: string): string | null {
  const tag = SUBJECT_TAG.exec(subject)?.[1]?.toLowerCase();
  return tag !== undefined && tag.length === TAG_LENGTH ? tag : null;
}

/** The tag is 40 bits: enough to confirm a candidate conversation, not to find one alone. */
export function matchesTag(conversationId: string, tag: string): boolean {
  const bytes = uuidBytes(conversationId);
  return bytes !== null && tagOf(bytes) === tag.toLowerCase();
}

/** The subject with one "Re: " for any pile of reply/forward prefixes and this conversation's tag, once. */
export function withSubjectTag(subject: string, conversationId: string): string {
  const tag = subjectTag(conversationId);
  const bare = subject.normalize('NFC').replace(ANY_TAG, ' ').replace(/\s+/g, ' ').trim();
  const prefixed = PREFIXES.exec(bare);
  const rest = prefixed === null ? bare : bare.slice(prefixed[0].length).trim();
  return [prefixed === null ? '' : 'Re:', rest, tag].filter((part) => part !== '').join(' ');
}
