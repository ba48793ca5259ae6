import { z } from 'zod';

// Wire schemas for the Cloud API `messages` webhook field
// (https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components).
// Objects are loose: Meta adds fields (pricing, conversation, context, referral…) without notice.

const UnixSeconds = z.string().regex(/^\d{1,12}$/, 'expected unix seconds');
// A wa_id is the customer's number in digits, country code first, no '+'.
const WaId = z.string().regex(/^[1-9]\d{6,14}$/, 'expected a wa_id (phone number digits)');

const WaMedia = z.looseObject({
  id: z.string().min(1),
  mime_type: z.string().min(1),
  caption: z.string().optional(),
  filename: z.string().optional(),
});
export type WaMedia = z.infer<typeof WaMedia>;

const WaReply = z.looseObject({ id: z.string(), title: z.string() });

export const WaInboundMessage = z.looseObject({
  from: WaId,
  id: z.string().min(1),
  timestamp: UnixSeconds,
  type: z.string(),
  text: z.looseObject({ body: z.string() }).optional(),
  image: WaMedia.optional(),
  document: WaMedia.optional(),
  audio: WaMedia.optional(),
  video: WaMedia.optional(),
  sticker: WaMedia.optional(),
  location: z
    .looseObject({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional() })
    .optional(),
  button: z.looseObject({ text: z.string() }).optional(),
  interactive: z.looseObject({ button_reply: WaReply.optional(), list_reply: WaReply.optional() }).optional(),
});
export type WaInboundMessage = z.infer<typeof WaInboundMessage>;

const WaError = z.looseObject({
  code: z.number(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string() }).optional(),
});

export const WaStatus = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  timestamp: UnixSeconds,
  recipient_id: z.string(),
  errors: z.array(WaError).optional(),
});
export type WaStatus = z.infer<typeof WaStatus>;

export const WaMessagesValue = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  metadata: z.looseObject({ display_phone_number: z.string(), phone_number_id: z.string().min(1) }),
  contacts: z.array(z.looseObject({ wa_id: z.string(), profile: z.looseObject({ name: z.string() }).optional() })).optional(),
  messages: z.array(WaInboundMessage).optional(),
  statuses: z.array(WaStatus).optional(),
});
export type WaMessagesValue = z.infer<typeof WaMessagesValue>;

export const WaWebhook = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.looseObject({
      id: z.string(),
      // Only the `messages` field is ours; other fields (template reviews, account updates) have other shapes.
      changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })),
    }),
  ),
});
