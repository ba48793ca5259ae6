import type { ChannelKind, IdentityKind } from '../vocabulary.ts';

export type IdentityValue = { kind: 'ok'; value: string } | { kind: 'invalid'; reason: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const VISITOR = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * Canonical form of a customer's handle on a channel, so the same person is found again
 * whichever way they wrote it ("Ana@Example.com" = "ana@example.com", "+84 90-123 4567" = "+84901234567").
 */
export function normalizeIdentity(kind: IdentityKind, raw: string): IdentityValue {
  const value = raw.normalize('NFC').trim();
  switch (kind) {
    case 'email': {
      const email = value.toLowerCase();
      return EMAIL.test(email) && email.length <= 254
        ? { kind: 'ok', value: email }
        : { kind: 'invalid', reason: 'not an email address' };
    }
    case 'phone':
    case 'whatsapp': {
      const phone = value.replace(/[\s().-]/g, '');
      return E164.test(phone)
        ? { kind: 'ok', value: phone }
        : { kind: 'invalid', reason: 'not an international phone number (E.164, e.g. +84901234567)' };
    }
    case 'web':
      return VISITOR.test(value)
        ? { kind: 'ok', value }
        : { kind: 'invalid', reason: 'visitor ids are 8-128 letters, digits, - or _' };
    case 'external':
      return value.length >= 1 && value.length <= 256
        ? { kind: 'ok', value }
        : { kind: 'invalid', reason: 'external ids are 1-256 characters' };
  }
}

const CHANNELS_BY_IDENTITY = {
  web: ['web'],
  email: ['email'],
  phone: ['sms', 'voice'],
  whatsapp: ['whatsapp'],
  external: [],
} as const satisfies Record<IdentityKind, readonly ChannelKind[]>;

/** The channels a customer with these identities can be reached on. */
export function reachableChannels(identityKinds: readonly IdentityKind[]): ChannelKind[] {
  const channels = new Set<ChannelKind>();
  for (const kind of identityKinds) for (const channel of CHANNELS_BY_IDENTITY[kind]) channels.add(channel);
  return [...channels];
}

/** The identity kind a channel's sender address is, e.g. an email comes from an `email` identity. */
export function identityKindForChannel(channel: ChannelKind): IdentityKind | null {
  const byChannel = {
    web: 'web',
    email: 'email',
    sms: 'phone',
    voice: 'phone',
    whatsapp: 'whatsapp',
    api: null,
  } as const satisfies Record<ChannelKind, IdentityKind | null>;
  return byChannel[channel];
}
