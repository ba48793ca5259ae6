import type { ChannelKind } from '@tandem/core';
import type { Channel } from '@tandem/protocol';
import { splitCommaList } from './comma-list.ts';

/** The kinds whose settings this screen edits: the web channel has its own form, voice and API have none. */
export const CONFIGURABLE_KINDS = ['email', 'sms', 'whatsapp'] as const satisfies readonly ChannelKind[];
export type ConfigurableKind = (typeof CONFIGURABLE_KINDS)[number];
export type ConfigurableChannel = Channel & { kind: ConfigurableKind };

export const isConfigurableKind = (kind: string): kind is ConfigurableKind => (CONFIGURABLE_KINDS as readonly string[]).includes(kind);
export const isConfigurable = (channel: Channel): channel is ConfigurableChannel => isConfigurableKind(channel.kind);

/** One approved WhatsApp template being edited; `key` only tells the rows apart while they are added and removed. */
export interface TemplateRow {
  key: number;
  name: string;
  language: string;
  body: string;
}

// A channel's config as the form holds it: text as typed, one field per config key.
export interface EmailValues { kind: 'email'; addresses: string; senderName: string; footer: string }
export interface SmsValues { kind: 'sms'; accountSid: string; authToken: string; phoneNumber: string; apiBaseUrl: string }
export interface WhatsAppValues {
  kind: 'whatsapp';
  phoneNumberId: string;
  displayPhoneNumber: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  apiBaseUrl: string;
  templates: TemplateRow[];
}
export type ChannelValues = EmailValues | SmsValues | WhatsAppValues;

/** The form's starting point: a new channel's empty fields, or a stored config. Secrets always start empty (the server sends a mask). */
export function channelValues(kind: ConfigurableKind, config: Record<string, unknown> = {}): ChannelValues {
  const text = (key: string) => (typeof config[key] === 'string' ? config[key] : '');
  switch (kind) {
    case 'email':
      return { kind, addresses: strings(config.addresses).join(', '), senderName: text('senderName'), footer: text('footer') };
    case 'sms':
      return { kind, accountSid: text('accountSid'), authToken: '', phoneNumber: text('phoneNumber'), apiBaseUrl: text('apiBaseUrl') };
    case 'whatsapp':
      return {
        kind,
        phoneNumberId: text('phoneNumberId'),
        displayPhoneNumber: text('displayPhoneNumber'),
        accessToken: '',
        appSecret: '',
        verifyToken: '',
        apiBaseUrl: text('apiBaseUrl'),
        templates: templateRows(config.templates),
      };
  }
}

/**
 * The `config` to send. On edit a secret left empty is left out, so the server keeps the stored
 * one; an empty API address is left out too (the provider's default, or the stored one).
 */
export function configBody(values: ChannelValues, editing: boolean): Record<string, unknown> {
  const secret = (value: string) => (editing && value.trim() === '' ? undefined : value.trim());
  const optional = (value: string) => value.trim() || undefined;
  switch (values.kind) {
    case 'email':
      // The footer keeps its spacing: its line breaks are part of every reply.
      return { addresses: splitCommaList(values.addresses), senderName: values.senderName.trim(), footer: values.footer };
    case 'sms':
      return defined({
        provider: 'twilio',
        accountSid: values.accountSid.trim(),
        authToken: secret(values.authToken),
        phoneNumber: values.phoneNumber.trim(),
        apiBaseUrl: optional(values.apiBaseUrl),
      });
    case 'whatsapp':
      return defined({
        provider: 'whatsapp-cloud',
        phoneNumberId: values.phoneNumberId.trim(),
        displayPhoneNumber: values.displayPhoneNumber.trim(),
        accessToken: secret(values.accessToken),
        appSecret: secret(values.appSecret),
        verifyToken: secret(values.verifyToken),
        apiBaseUrl: optional(values.apiBaseUrl),
        // The body is sent as typed: it must match the text Meta approved.
        templates: values.templates.map((row) => ({ name: row.name.trim(), language: row.language.trim(), body: row.body })),
      });
  }
}

/** Where the server reports problems with these values (`config.addresses`, `config.templates.0.name`…). */
export const configPaths = (values: ChannelValues): string[] => Object.keys(values).filter((key) => key !== 'kind').map((key) => `config.${key}`);

/** A new, empty template row whose key no other row has. */
export const emptyTemplate = (rows: readonly TemplateRow[]): TemplateRow => ({ key: Math.max(-1, ...rows.map((r) => r.key)) + 1, name: '', language: '', body: '' });

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function templateRows(value: unknown): TemplateRow[] {
  if (!Array.isArray(value)) return [];
  return value.map((item: unknown, key) => {
    const row = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const text = (field: string) => (typeof row[field] === 'string' ? row[field] : '');
    return { key, name: text('name'), language: text('language'), body: text('body') };
  });
}

function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
