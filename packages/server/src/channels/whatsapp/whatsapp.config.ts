import { z } from 'zod';
import { E164_PATTERN } from '../phone-number.ts';

const PLACEHOLDER = /\{\{(\d+)\}\}/g;

/** How many distinct `{{n}}` parameters an approved template body takes. */
export function templateParameterCount(body: string): number {
  return placeholderIndices(body).size;
}

// Meta rejects templates whose numbered parameters skip a number or do not start at {{1}}.
function hasSequentialPlaceholders(body: string): boolean {
  const indices = [...placeholderIndices(body)].sort((a, b) => a - b);
  return indices.every((index, position) => index === position + 1);
}

function placeholderIndices(body: string): Set<number> {
  return new Set([...body.matchAll(PLACEHOLDER)].map((match) => Number(match[1])));
}

export const WhatsAppTemplate = z.strictObject({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'lower-case letters, digits and underscores'),
  language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'a WhatsApp language code such as en_US, vi or fa'),
  body: z.string().min(1).max(1024).refine(hasSequentialPlaceholders, 'parameters must be numbered {{1}}, {{2}}, … without gaps'),
});
export type WhatsAppTemplate = z.infer<typeof WhatsAppTemplate>;

export const WhatsAppConfig = z.strictObject({
  provider: z.literal('whatsapp-cloud'),
  phoneNumberId: z.string().regex(/^\d{5,20}$/).describe('Phone number ID from WhatsApp Manager (not the number itself)'),
  displayPhoneNumber: z.string().regex(E164_PATTERN, 'expected an E.164 number such as +84901234567').describe('The business number customers see, in E.164'),
  accessToken: z.string().min(10).max(1000).describe('System-user access token with whatsapp_business_messaging'),
  appSecret: z.string().min(8).max(200).describe('Meta app secret: signs webhook deliveries (X-Hub-Signature-256)'),
  verifyToken: z.string().min(8).max(200).describe('Token Meta echoes when the webhook subscription is verified'),
  apiBaseUrl: z.url({ protocol: /^https?$/ }).default('https://graph.facebook.com/v21.0').describe('Graph API base URL, version included'),
  templates: z
    .array(WhatsAppTemplate)
    .max(50)
    .default([])
    .refine((templates) => new Set(templates.map((t) => `${t.name}/${t.language}`)).size === templates.length, 'each template name and language pair appears once')
    .describe('Approved message templates, for replies outside the 24-hour window'),
});
export type WhatsAppConfig = z.infer<typeof WhatsAppConfig>;

export const WHATSAPP_SECRET_FIELDS = ['accessToken', 'appSecret', 'verifyToken'] as const satisfies readonly (keyof WhatsAppConfig)[];
