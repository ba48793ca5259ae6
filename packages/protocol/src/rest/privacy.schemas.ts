import { z } from 'zod';
import { RETENTION_ACTIONS } from '@tandem/core';
import { Id, PageQuery, Timestamp } from '../common.ts';
import { Customer } from './customer.schemas.ts';

/** About ten years: longer than any legal retention period we know of. */
export const RETENTION_DAYS_MAX = 3650;

const privacySettingsShape = {
  maskPiiForAgents: z.boolean().describe('Show agents personal data (emails, phone numbers, card numbers) masked in messages; revealing one is audited'),
  retentionDays: z
    .number()
    .int()
    .min(1)
    .max(RETENTION_DAYS_MAX)
    .nullable()
    .describe('Resolved conversations inactive for longer than this many days are anonymized or deleted; null keeps them'),
  retentionAction: z.enum(RETENTION_ACTIONS).describe('`anonymize`: texts become "[removed]" and attachments are deleted, the customer link stays; `delete`: the conversations go'),
};

export const PrivacySettings = z.object(privacySettingsShape).meta({ id: 'PrivacySettings' });
export type PrivacySettings = z.infer<typeof PrivacySettings>;

/** PUT replaces the whole setting: every field is required. */
export const PrivacySettingsBody = z.strictObject(privacySettingsShape);

export const PRIVACY_REQUEST_KINDS = ['erase'] as const;
export const PRIVACY_REQUEST_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number];

export const PrivacyRequest = z.object({
  id: Id,
  customerId: Id,
  kind: z.enum(PRIVACY_REQUEST_KINDS),
  status: z.enum(PRIVACY_REQUEST_STATUSES).describe('`queued` (also after a failed attempt, with `error`), `running`, `done` (see `report`) or `failed` after 5 attempts'),
  attempts: z.number().int(),
  report: z.record(z.string(), z.number().int()).nullable().describe('What was removed or anonymized, counted per kind of data'),
  error: z.string().nullable().describe('Why the last attempt failed'),
  requestedBy: z.object({ type: z.enum(['agent', 'system']), id: Id.nullable() }),
  createdAt: Timestamp,
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
}).meta({ id: 'PrivacyRequest' });
export type PrivacyRequest = z.infer<typeof PrivacyRequest>;

export const ListPrivacyRequestsQuery = PageQuery.extend({
  customerId: Id.optional(),
  status: z.enum(PRIVACY_REQUEST_STATUSES).optional(),
});

/** The sections of a customer export besides the profile; each is a list of records. */
export const CUSTOMER_EXPORT_SECTIONS = [
  'identities',
  'contactPreferences',
  'widgetSessions',
  'magicLinks',
  'conversations',
  'attachments',
  'timelineEvents',
  'csatSurveys',
  'articleFeedback',
  'searches',
  'botAnswerRatings',
  'botAnswerFeedback',
  'trainingPhrases',
  'botSessions',
  'handoffs',
  'proactiveExposures',
  'broadcastRecipients',
  'businessEvents',
  'privacyRequests',
] as const;
export type CustomerExportSection = (typeof CUSTOMER_EXPORT_SECTIONS)[number];

const Records = z.array(z.record(z.string(), z.unknown()));

export const CustomerExport = z.object({
  format: z.literal('tandem.customer-export.v1'),
  exportedAt: Timestamp,
  workspaceId: Id,
  customer: Customer,
  mergedCustomers: z.array(Customer).describe('Profiles merged into this one earlier'),
  ...(Object.fromEntries(CUSTOMER_EXPORT_SECTIONS.map((s) => [s, Records])) as Record<CustomerExportSection, typeof Records>),
}).describe("Everything stored about one customer: conversations carry their messages; attachments carry download URLs").meta({ id: 'CustomerExport' });
export type CustomerExport = z.infer<typeof CustomerExport>;
