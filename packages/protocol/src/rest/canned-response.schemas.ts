import { z } from 'zod';
import { CANNED_VARIABLES, LOCALES } from '@tandem/core';
import { Id, MESSAGE_MAX_CHARS, Timestamp } from '../common.ts';

export const CannedShortcut = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and hyphens, up to 40')
  .describe('What an agent types after `/` to insert it');

export const CannedResponseBody = z.strictObject({
  shortcut: CannedShortcut,
  locale: z.enum(LOCALES),
  title: z.string().trim().min(1).max(120),
  body: z.string().min(1).max(MESSAGE_MAX_CHARS).describe(`Text with \`{{ variable }}\` placeholders: ${CANNED_VARIABLES.join(', ')}`),
}).meta({ id: 'CannedResponseBody' });

export const UpdateCannedResponseBody = CannedResponseBody.partial().strict()
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const CannedResponse = z.object({
  id: Id,
  ...CannedResponseBody.shape,
  variables: z.array(z.string()).describe('The placeholders the body uses'),
  createdBy: Id.nullable().describe('The agent who wrote it'),
  createdAt: Timestamp,
  updatedAt: Timestamp,
}).meta({ id: 'CannedResponse' });
export type CannedResponse = z.infer<typeof CannedResponse>;

export const ListCannedResponsesQuery = z.strictObject({
  q: z.string().trim().max(100).optional().describe('Matches shortcut, title or body, ignoring case'),
  locale: z.enum(LOCALES).optional(),
});
