import type { z } from 'zod';
import type { HandlerKind } from '@tandem/core';
import type { ConversationStart } from '@tandem/protocol';
import type { WorkspaceSettings } from '../../domain/records.ts';
import { appError } from '../../platform/app-error.ts';

export type StartChoice = z.infer<typeof ConversationStart>;

/**
 * The customer's pre-chat choice, checked against what the workspace offers: the topic's team
 * takes the conversation, and "bot or person" sets who answers first. Anything not offered is
 * refused, so a stale widget cannot route where the workspace no longer sends anyone.
 */
export function startOf(settings: WorkspaceSettings, start: StartChoice): { teamId: string | null; handler: HandlerKind | null } {
  const topic = start.topic ? settings.prechat.topics.find((t) => t.key === start.topic) : undefined;
  if (start.topic && !topic) throw appError('request.invalid', 'No such topic.', { fields: [{ path: 'start.topic', message: 'not one of the workspace’s topics' }] });
  if (start.with && !(settings.prechat.chooseBotOrPerson && settings.bot.enabled)) {
    throw appError('request.invalid', 'This workspace does not offer the choice.', { fields: [{ path: 'start.with', message: 'not offered' }] });
  }
  return { teamId: topic?.teamId ?? null, handler: start.with === 'person' ? 'queue' : start.with === 'bot' ? 'bot' : null };
}
