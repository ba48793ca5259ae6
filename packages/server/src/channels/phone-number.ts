// ITU-T E.164: a '+', a country code that never starts with 0, and at most 15 digits in all.
// Seven digits is the shortest number any provider hands us.
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

export function isE164(value: string): boolean {
  return E164_PATTERN.test(value);
}
