import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ChannelKind } from '@tandem/core';
import { inTransaction, pgCode, type Tx } from '../../adapters/postgres/database.ts';
import { channelAddresses } from '../../adapters/postgres/schema.ts';
import { CHANNEL_CONFIGS, SECRET_MASK } from '../../channels/channel-configs.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { findChannel, insertChannel, updateChannel, type ChannelRecord } from './channel.store.ts';

export interface ChannelInput {
  kind: ChannelKind;
  name: string;
  enabled: boolean;
  config?: Record<string, unknown> | undefined;
}

function checkConfig(kind: ChannelKind, config: Record<string, unknown>): Record<string, unknown> {
  const descriptor = CHANNEL_CONFIGS[kind];
  if (!descriptor) return {};
  const parsed = descriptor.schema.safeParse(config);
  if (!parsed.success) {
    throw appError('request.invalid', `The ${kind} channel's config is not valid.`, {
      fields: parsed.error.issues.map((i: z.core.$ZodIssue) => ({ path: ['config', ...i.path].join('.'), message: i.message })),
    });
  }
  return parsed.data;
}

/** A PATCH that leaves a secret out, or sends back the mask, keeps the stored one. */
function withKeptSecrets(kind: ChannelKind, previous: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...previous, ...next };
  for (const secret of CHANNEL_CONFIGS[kind]?.secrets ?? []) {
    if (next[secret] === undefined || next[secret] === SECRET_MASK) merged[secret] = previous[secret];
  }
  return merged;
}

async function claimAddresses(tx: Tx, channel: ChannelRecord, workspaceId: string): Promise<void> {
  await tx.delete(channelAddresses).where(and(eq(channelAddresses.workspaceId, workspaceId), eq(channelAddresses.channelId, channel.id)));
  const addresses = channel.enabled ? (CHANNEL_CONFIGS[channel.kind]?.addresses(channel.config) ?? []) : [];
  if (addresses.length === 0) return;
  try {
    await tx.insert(channelAddresses).values(addresses.map((address) => ({ kind: channel.kind, address, workspaceId, channelId: channel.id })));
  } catch (error) {
    if (pgCode(error) !== '23505') throw error;
    throw appError('channel.address_taken', 'One of these addresses already belongs to a channel.', { fields: [{ path: 'config.addresses', message: 'already in use' }] });
  }
}

/** Channels and their configs: validated per kind, secrets kept, inbound addresses claimed. */
export function createChannelSettingsService(deps: ServiceDeps) {
  return {
    async create(workspaceId: string, input: ChannelInput): Promise<ChannelRecord> {
      const channel: ChannelRecord = { id: deps.ids(), kind: input.kind, name: input.name, enabled: input.enabled, config: checkConfig(input.kind, input.config ?? {}), createdAt: deps.clock() };
      return inTransaction(deps.db, async (tx) => {
        await insertChannel(tx, workspaceId, channel);
        await claimAddresses(tx, channel, workspaceId);
        return channel;
      });
    },

    async update(workspaceId: string, id: string, change: Partial<Omit<ChannelInput, 'kind'>>): Promise<ChannelRecord> {
      return inTransaction(deps.db, async (tx) => {
        const current = await findChannel(tx, workspaceId, id);
        if (!current) throw appError('channel.not_found');
        const config = change.config ? checkConfig(current.kind, withKeptSecrets(current.kind, current.config, change.config)) : current.config;
        const updated = await updateChannel(tx, workspaceId, id, { name: change.name, enabled: change.enabled, config });
        if (!updated) throw appError('channel.not_found');
        await claimAddresses(tx, updated, workspaceId);
        return updated;
      });
    },
  };
}

export type ChannelSettingsService = ReturnType<typeof createChannelSettingsService>;
