import { z } from 'zod';
import { CsatSettings } from './analytics.schemas.ts';
import { CHANNEL_KINDS, GROUPING_POLICIES, VERTICALS } from '@tandem/core';
import { Id, Timestamp, patchOf } from '../common.ts';
import { Skill } from './auth.schemas.ts';
import { BusinessHours, WidgetAppearance } from './widget.schemas.ts';
import { BotSettings } from './bot.schemas.ts';
import { LocalizedText } from './kb.schemas.ts';

export const WorkspaceSettings = z.object({
  conversationGrouping: z
    .enum(GROUPING_POLICIES)
    .describe('`contact`: one open conversation per customer; `thread`: one per channel thread'),
  reopenWindowHours: z.number().int().min(0).max(8760).describe('A message this soon after resolution reopens'),
  widgetOrigins: z.array(z.url()).max(50).describe('Origins allowed to embed the widget (CORS)'),
  widget: WidgetAppearance,
  businessHours: BusinessHours.nullable().describe('When people answer; null means always'),
  bot: BotSettings,
  prechat: z.strictObject({
    topics: z.array(z.strictObject({
      key: z.string().regex(/^[a-z0-9]+([_-][a-z0-9]+)*$/, 'lower-case words joined by - or _').max(60),
      label: LocalizedText,
      teamId: Id.nullable(),
    })).max(12),
    chooseBotOrPerson: z.boolean(),
  }).describe('Before writing, the customer may pick a topic (its team takes the conversation) and whether to start with the assistant or a person'),
  csat: CsatSettings.describe('The satisfaction survey sent after a conversation is resolved, in the channel the customer used'),
  vertical: z.enum(VERTICALS).nullable().describe('The business the workspace serves; its policy decides who serves whom when no segment does (banking: complaints and money to people; retail: bot first, quick to escalate)'),
}).meta({ id: 'WorkspaceSettings' });

export const Workspace = z.object({
  id: Id,
  name: z.string(),
  slug: z.string(),
  settings: WorkspaceSettings,
  createdAt: Timestamp,
}).meta({ id: 'Workspace' });

export const UpdateWorkspaceBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  settings: WorkspaceSettings.partial().strict().optional(),
});

export const IdentitySecret = z.object({
  secret: z.string().describe('Sign widget identify() calls: hash = hex HMAC-SHA256(secret, user id), computed on your server'),
});

export const Team = z.object({
  id: Id,
  name: z.string(),
  skills: z.array(z.string()),
  agentIds: z.array(Id),
  createdAt: Timestamp,
}).meta({ id: 'Team' });
export type Team = z.infer<typeof Team>;

export const CreateTeamBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  skills: z.array(Skill).max(50).default([]),
  agentIds: z.array(Id).max(500).default([]),
});
export const UpdateTeamBody = patchOf(CreateTeamBody);

export const Channel = z.object({
  id: Id,
  kind: z.enum(CHANNEL_KINDS),
  name: z.string(),
  enabled: z.boolean(),
  config: z.record(z.string(), z.unknown()).describe('Per kind (email: addresses, senderName, footer; sms: Twilio; whatsapp: Cloud API). Secrets come back masked'),
  webhookUrl: z.string().nullable().describe('Where the provider must post (SMS and WhatsApp)'),
  createdAt: Timestamp,
}).meta({ id: 'Channel' });
export type Channel = z.infer<typeof Channel>;

const ChannelConfigInput = z.record(z.string(), z.unknown()).describe("Checked against the kind's own schema; a masked or missing secret keeps the stored one");

export const CreateChannelBody = z.strictObject({
  kind: z.enum(CHANNEL_KINDS),
  name: z.string().trim().min(1).max(120),
  enabled: z.boolean().default(true),
  config: ChannelConfigInput.optional(),
});
export const UpdateChannelBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  enabled: z.boolean().optional(),
  config: ChannelConfigInput.optional(),
});

export const SimulateChannelBody = z.strictObject({
  from: z.string().regex(/^\+[1-9]\d{6,14}$/).describe("The customer's number, E.164"),
  text: z.string().trim().min(1).max(1600),
  name: z.string().trim().min(1).max(200).optional(),
});

export const AuditEntry = z.object({
  id: Id,
  actorType: z.enum(['agent', 'customer', 'system']),
  actorId: Id.nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: Id,
  data: z.record(z.string(), z.unknown()),
  createdAt: Timestamp,
  revertedAt: Timestamp.nullable(),
}).meta({ id: 'AuditEntry' });
