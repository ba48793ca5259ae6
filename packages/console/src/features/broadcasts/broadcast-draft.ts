import { OUTREACH_CHANNELS, type OutreachChannel, type OutreachPurpose } from '@tandem/core';
import type { BroadcastBody } from '@tandem/protocol';
import { localizedBody, localizedDraft, type LocalizedDraft } from '../admin/localized-text.ts';

export const AUDIENCE_KINDS = ['segment', 'all', 'customers'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

/** A broadcast as its form holds it: every channel with whether it is used, in the order of preference. */
export interface BroadcastDraft {
  name: string;
  purpose: OutreachPurpose;
  audience: AudienceKind;
  segment: string;
  externalIds: string;
  channels: { channel: OutreachChannel; on: boolean }[];
  text: LocalizedDraft;
  subject: string;
  useTemplate: boolean;
  template: { name: string; language: string; parameters: string };
  sendLater: boolean;
  /** A `datetime-local` value, in the agent's time zone. */
  scheduledAt: string;
  ratePerMinute: string;
}

export const DEFAULT_RATE_PER_MINUTE = 600;

export function broadcastDraft(): BroadcastDraft {
  return {
    name: '',
    purpose: 'service',
    audience: 'segment',
    segment: '',
    externalIds: '',
    channels: OUTREACH_CHANNELS.map((channel) => ({ channel, on: true })),
    text: localizedDraft(),
    subject: '',
    useTemplate: false,
    template: { name: '', language: '', parameters: '' },
    sendLater: false,
    scheduledAt: '',
    ratePerMinute: String(DEFAULT_RATE_PER_MINUTE),
  };
}

/** One item a line (account ids pasted from a spreadsheet column, template parameters). */
export const linesOf = (text: string) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

export const chosenChannels = (draft: BroadcastDraft) => draft.channels.filter((c) => c.on).map((c) => c.channel);

export function broadcastBody(draft: BroadcastDraft): BroadcastBody {
  const channels = chosenChannels(draft);
  const subject = draft.subject.trim();
  const whatsappTemplate = channels.includes('whatsapp') && draft.useTemplate
    ? { name: draft.template.name.trim(), language: draft.template.language.trim(), parameters: linesOf(draft.template.parameters) }
    : undefined;
  const when = new Date(draft.scheduledAt);
  return {
    name: draft.name.trim(),
    purpose: draft.purpose,
    audience: audienceBody(draft),
    channels,
    message: {
      text: localizedBody(draft.text),
      ...(subject && channels.includes('email') ? { subject } : {}),
      ...(whatsappTemplate ? { whatsappTemplate } : {}),
    },
    // An unreadable date goes as typed: the server's message then shows at the field.
    ...(draft.sendLater ? { scheduledAt: Number.isNaN(when.getTime()) ? draft.scheduledAt : when.toISOString() } : {}),
    ratePerMinute: Number(draft.ratePerMinute),
  };
}

function audienceBody(draft: BroadcastDraft): BroadcastBody['audience'] {
  switch (draft.audience) {
    case 'segment':
      return { kind: 'segment', segment: draft.segment };
    case 'customers':
      return { kind: 'customers', externalIds: linesOf(draft.externalIds) };
    case 'all':
      return { kind: 'all' };
  }
}

const TEMPLATE_PATHS = ['name', 'language', 'parameters'].map((key) => `message.whatsappTemplate.${key}`);

/** Every field on screen; the server's messages for any other path show above the buttons. */
export function broadcastPaths(draft: BroadcastDraft): string[] {
  const channels = chosenChannels(draft);
  return [
    'name', 'purpose', 'audience', 'audience.kind', 'audience.segment', 'audience.externalIds', 'channels', 'message.text',
    ...(channels.includes('email') ? ['message.subject'] : []),
    ...(channels.includes('whatsapp') && draft.useTemplate ? TEMPLATE_PATHS : []),
    'scheduledAt', 'ratePerMinute',
  ];
}
