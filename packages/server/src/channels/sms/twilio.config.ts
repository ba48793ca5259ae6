import { z } from 'zod';
import { E164_PATTERN } from '../phone-number.ts';

export const TwilioConfig = z.strictObject({
  provider: z.literal('twilio'),
  accountSid: z.string().regex(/^AC[0-9a-f]{32}$/, 'expected AC followed by 32 lower-case hex digits').describe('Account SID from the Twilio console (AC…)'),
  authToken: z.string().min(16).max(64).regex(/^\S+$/, 'must not contain spaces').describe('Auth token: signs webhooks and authenticates API calls'),
  phoneNumber: z.string().regex(E164_PATTERN, 'expected an E.164 number such as +84901234567').describe('The Twilio number customers text, in E.164'),
  apiBaseUrl: z.url({ protocol: /^https?$/ }).default('https://api.twilio.com').describe('Twilio REST API origin (changed only in tests)'),
});
export type TwilioConfig = z.infer<typeof TwilioConfig>;

export const TWILIO_SECRET_FIELDS = ['authToken'] as const satisfies readonly (keyof TwilioConfig)[];
