import { findPersonalData, maskPersonalData } from '@tandem/core';
import type { FeedEvent, Message } from '@tandem/protocol';
import { topics } from '../../adapters/bus/event-bus.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';

/**
 * What agents see of messages when the workspace masks personal data for them
 * (`settings.privacy.maskPiiForAgents`): cards and accounts keep their last four digits,
 * e-mails their domain, and the message says it is masked so the console can offer "Reveal"
 * (audited). An e-mail's HTML part is withheld rather than masked: markup can split a number.
 */
export function maskMessage(message: Message): Message {
  const { text, found } = maskPersonalData(message.body, 'partial');
  const html = message.content.email?.html;
  const htmlHasData = html ? findPersonalData(html).length > 0 : false;
  if (found.length === 0 && !htmlHasData) return message;
  const content = message.content.email ? { ...message.content, email: { ...message.content.email, html: null } } : message.content;
  return { ...message, body: text, content, masked: true };
}

// One masked copy per event, so the shared serialization across sockets still happens once.
const maskedEvents = new WeakMap<FeedEvent, FeedEvent>();

export function maskFeedEvent(event: FeedEvent): FeedEvent {
  if (!event.message) return event;
  let masked = maskedEvents.get(event);
  if (!masked) {
    masked = { ...event, message: maskMessage(event.message) };
    maskedEvents.set(event, masked);
  }
  return masked;
}

// The setting changes rarely and is read on every message an agent receives, so each process
// caches it: a change is announced to every process (and this one takes it at once); the cache
// also expires, in case an announcement was lost (a Redis outage).
const SETTING_TTL_MS = 5_000;

export function createAgentView(deps: Pick<ServiceDeps, 'db' | 'bus' | 'log'>) {
  const cache = new Map<string, { masks: boolean; at: number }>();
  const listening = new Map<string, Promise<void>>();
  const remember = (workspaceId: string, masks: boolean) => cache.set(workspaceId, { masks, at: Date.now() });

  async function masks(workspaceId: string): Promise<boolean> {
    const cached = cache.get(workspaceId);
    if (cached && Date.now() - cached.at < SETTING_TTL_MS) return cached.masks;
    // Subscribed (once) before the read, so a change committed meanwhile is not missed; a refused
    // subscription is tried again by the next read.
    let subscribed = listening.get(workspaceId);
    if (!subscribed) {
      subscribed = deps.bus.subscribe(topics.privacy(workspaceId), (payload) => remember(workspaceId, (payload as { masks: boolean }).masks)).then(() => undefined);
      subscribed.catch(() => listening.delete(workspaceId));
      listening.set(workspaceId, subscribed);
    }
    await subscribed;
    const workspace = await findWorkspace(deps.db, workspaceId);
    const value = workspace?.settings.privacy.maskPiiForAgents ?? false;
    remember(workspaceId, value);
    return value;
  }

  return {
    masks,
    /**
     * The last known setting, for live streams that cannot wait on a read per event; when it
     * is stale a refresh starts in the background. `masks()` must have been awaited once.
     */
    masksNow(workspaceId: string): boolean {
      const cached = cache.get(workspaceId);
      if (!cached || Date.now() - cached.at >= SETTING_TTL_MS) void masks(workspaceId).catch(() => undefined);
      return cached?.masks ?? false;
    },
    /** The setting was saved: this process uses it at once, the others when the announcement arrives. */
    changed(workspaceId: string, masks: boolean): void {
      remember(workspaceId, masks);
      deps.bus.publish(topics.privacy(workspaceId), { masks }).catch((error: unknown) => deps.log.warn({ err: error }, 'privacy settings announcement failed'));
    },
    async messages(workspaceId: string, items: Message[]): Promise<Message[]> {
      return (await masks(workspaceId)) ? items.map(maskMessage) : items;
    },
  };
}

export type AgentView = ReturnType<typeof createAgentView>;
