import { z } from 'zod';
import { AGENT_ROLES } from '@tandem/core';
import { Id, Timestamp } from '../common.ts';

export const Password = z.string().min(12, 'at least 12 characters').max(256);
export const Email = z.email().max(254);
export const Slug = z
  .string()
  .min(2)
  .max(48)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'lowercase letters, digits and inner hyphens');

export const TotpCode = z.string().regex(/^\d{6}$/, '6 digits').describe('The current 6-digit code from an authenticator app');

export const LoginBody = z.strictObject({
  workspace: Slug.describe('The workspace slug'),
  email: Email,
  password: z.string().min(1).max(256),
  code: TotpCode.optional().describe('Required once the agent has turned on two-factor authentication (answered by `auth.totp_required`)'),
});

export const Agent = z.object({
  id: Id,
  email: z.string(),
  handle: z.string().describe('How other agents mention this one in notes: `@handle`, the local part of the email'),
  name: z.string(),
  role: z.enum(AGENT_ROLES),
  skills: z.array(z.string()),
  createdAt: Timestamp,
}).meta({ id: 'Agent' });
export type Agent = z.infer<typeof Agent>;

export const Session = z.object({
  agent: Agent,
  workspace: z.object({ id: Id, name: z.string(), slug: z.string() }),
  limits: z.object({
    messageMaxChars: z.number().int().describe('The longest message or note, in characters'),
    uploadMaxBytes: z.number().int().describe('The largest attachment, in bytes'),
  }).describe('What the server accepts, so clients can say so before sending'),
  twoFactorEnabled: z.boolean().describe('Whether signing in as this agent needs a code from an authenticator app'),
}).meta({ id: 'Session' });

export const TwoFactorSetup = z.object({
  secret: z.string().describe('The base32 secret, shown this once: type it into an authenticator app'),
  otpauthUri: z.string().describe('The same secret as an `otpauth://` URI (what a QR code would hold)'),
}).meta({ id: 'TwoFactorSetup' });
export const TwoFactorCodeBody = z.strictObject({ code: TotpCode });
export const RevokedSessions = z.object({ revoked: z.number().int().describe('How many other sessions were signed out') });

export const Skill = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}_:.-]+$/u, 'letters, digits, _ : . -');

export const CreateAgentBody = z.strictObject({
  email: Email,
  name: z.string().trim().min(1).max(120),
  role: z.enum(AGENT_ROLES).default('agent'),
  password: Password,
  skills: z.array(Skill).max(50).default([]),
});

export const UpdateAgentBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  role: z.enum(AGENT_ROLES).optional(),
  skills: z.array(Skill).max(50).optional(),
  password: Password.optional(),
});

export const API_TOKEN_SCOPES = ['read', 'write'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  agentId: Id,
  scopes: z.array(z.enum(API_TOKEN_SCOPES)).describe('`read` allows GET; `write` allows every other method'),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
}).meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiToken>;

export const CreateApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  scopes: z.array(z.enum(API_TOKEN_SCOPES)).min(1).max(API_TOKEN_SCOPES.length).default([...API_TOKEN_SCOPES])
    .describe('What the token may do; `["read"]` makes a read-only token'),
});
export const CreatedApiToken = z.object({
  apiToken: ApiToken,
  token: z.string().describe('The secret, shown once: send it as `Authorization: Bearer <token>`'),
});
