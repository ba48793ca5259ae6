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

/**
 * Remembers each agent's last accepted time step so a code seen over someone's shoulder cannot be
 * replayed while it is still valid. In memory: with several server processes a code could be
 * used once per process within its 90 seconds, which still needs the password too.
 */
export function createTotpReplayGuard() {
  const lastStep = new Map<string, number>();
  return {
    /** True (and remembered) when `step` is later than the last accepted one for `key`. */
    accept(key: string, step: number): boolean {
      if (step <= (lastStep.get(key) ?? -Infinity)) return false;
      lastStep.set(key, step);
      return true;
    },
  };
}
