import { Secret, TOTP } from 'otpauth';

// RFC 6238 with the parameters every authenticator app defaults to (SHA-1, 6 digits, 30 s).
// One step either side absorbs clock drift between the phone and the server.
const PERIOD_SECONDS = 30;
const WINDOW_STEPS = 1;
const ISSUER = 'Tandem';

const totpOf = (secret: string, label = '') =>
  new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });

/** 160 random bits, base32: the size RFC 4226 recommends for an HMAC-SHA1 key. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The `otpauth://` URI authenticator apps import (as text or a QR code). */
export const totpUri = (secret: string, email: string): string => totpOf(secret, email).toString();

/** The time step `code` belongs to at `now`, or null when it matches none within the window. */
export function matchTotp(secret: string, code: string, now: Date): number | null {
  const totp = totpOf(secret);
  const timestamp = now.getTime();
  const delta = totp.validate({ token: code, timestamp, window: WINDOW_STEPS });
  return delta === null ? null : totp.counter({ timestamp }) + delta;
}
