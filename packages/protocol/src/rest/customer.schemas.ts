import { z } from 'zod';
import { CONSENT_PURPOSES, IDENTITY_KINDS, TIMELINE_EVENT_TYPES } from '@tandem/core';
import { Id, PageQuery, Timestamp } from '../common.ts';

export const Consent = z.object(
  Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, z.boolean()])) as Record<
    (typeof CONSENT_PURPOSES)[number],
    z.ZodBoolean
  >,
).meta({ id: 'Consent' });

/** Custom attributes: flat, small, JSON-typed values. */
export const Attributes = z
  .record(z.string().min(1).max(64), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
  .refine((a) => Object.keys(a).length <= 100, 'at most 100 attributes');

export const IdentityInput = z.strictObject({
  kind: z.enum(IDENTITY_KINDS),
  value: z.string().min(1).max(256),
});

export const Identity = z.object({ id: Id, kind: z.enum(IDENTITY_KINDS), value: z.string(), createdAt: Timestamp }).meta({ id: 'Identity' });
export type Identity = z.infer<typeof Identity>;

export const Customer = z.object({
  id: Id,
  name: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  consent: Consent,
  identities: z.array(Identity),
  mergedIntoId: Id.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
}).meta({ id: 'Customer' });
export type Customer = z.infer<typeof Customer>;

export const CreateCustomerBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  attributes: Attributes.default({}),
  consent: Consent.partial().strict().default({}),
  identities: z.array(IdentityInput).max(20).default([]),
});

export const UpdateCustomerBody = z.strictObject({
  name: z.string().trim().min(1).max(200).nullable().optional(),
  attributes: Attributes.optional().describe('Merged into the existing attributes; null removes a key'),
  consent: Consent.partial().strict().optional(),
});

export const MergeCustomersBody = z.strictObject({
  customerId: Id.describe('The customer absorbed into the one in the path'),
});

export const ListCustomersQuery = PageQuery.extend({
  identity: z.string().max(256).optional().describe('Find by an exact identity value (email, phone...)'),
});

export const TimelineEvent = z.object({
  id: Id,
  customerId: Id,
  conversationId: Id.nullable(),
  type: z.enum(TIMELINE_EVENT_TYPES),
  data: z.record(z.string(), z.unknown()),
  occurredAt: Timestamp,
}).meta({ id: 'TimelineEvent' });
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const RecordEventBody = z.strictObject({
  // A consent change is recorded only by the consent endpoints themselves, never posted as an event.
  type: z.enum(TIMELINE_EVENT_TYPES).exclude(['consent.changed']),
  data: z
    .record(z.string(), z.unknown())
    .refine((d) => JSON.stringify(d).length <= 8192, 'at most 8 KB of data')
    .default({}),
  conversationId: Id.optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
});
