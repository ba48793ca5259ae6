import type { FastifyInstance } from 'fastify';
import type { FeedEvent } from '@tandem/protocol';
import { topics } from '../adapters/bus/event-bus.ts';
import { presentFeedEvent, presentMessage } from '../domain/present.ts';
import { appError } from '../platform/app-error.ts';
import type { ServiceDeps } from '../platform/deps.ts';
import type { Services } from '../services.ts';
import type { SignalService } from '../features/conversations/signals.service.ts';
import { currentFeedSeq, readFeedSince } from '../features/feed/feed.store.ts';
import type { AgentSignal } from '../features/feed/feed.publisher.ts';
import { findAgent } from '../features/agents/agent.store.ts';
import { SESSION_COOKIE } from '../http/access.ts';
import { onFrames, send, sendError, sendShared } from './connection.ts';
import { createFeedCursor } from './feed-cursor.ts';
import { maskFeedEvent } from '../features/personal-data/agent-view.ts';

const REPLAY_PAGE = 500;

/**
 * Agents' realtime feed: every workspace event in commit order. `hello.since` resumes after the
 * last sequence number the client saw; the server replays what it missed, then streams live.
 */
export function registerAgentSocket(app: FastifyInstance, services: Services, deps: ServiceDeps): void {
  app.get('/api/v1/ws', { websocket: true, config: { access: 'public' }, schema: { hide: true } }, (socket, request) => {
    const log = request.log;
    let unsubscribe: (() => Promise<void>) | null = null;
    let principal: Awaited<ReturnType<Services['auth']['authenticate']>> = null;
    let agentName = '';
    let viewing: ViewingTracker | null = null;
    socket.on('close', () => {
      void unsubscribe?.();
      viewing?.leave().catch((error: unknown) => log.warn({ err: error }, 'viewing signal on close failed'));
    });

    onFrames(socket, log, async (frame) => {
      if (frame.type === 'hello') {
        const header = request.headers.authorization?.startsWith('Bearer ') ? request.headers.authorization.slice(7) : undefined;
        const token = frame.token ?? header ?? request.cookies[SESSION_COOKIE];
        principal = token ? await services.auth.authenticate(token) : null;
        if (principal?.kind !== 'agent') {
          sendError(socket, appError('auth.unauthenticated', 'Say hello with an agent token.'), log);
          socket.close(4401, 'unauthenticated');
          return;
        }
        const { workspaceId } = principal;
        const start = frame.since ?? (await currentFeedSeq(deps.db, workspaceId));
        await services.agentView.masks(workspaceId); // primes masksNow() for the stream
        const cursor = createFeedCursor<FeedEvent>({
          position: start,
          seqOf: (e) => e.seq,
          load: async (after) => (await readFeedSince(deps.db, workspaceId, after, REPLAY_PAGE)).map(presentFeedEvent),
          deliver: (event) => sendShared(socket, 'event', services.agentView.masksNow(workspaceId) ? maskFeedEvent(event) : event),
          onError: (error) => {
            log.warn({ err: error }, 'feed replay failed; closing so the client resumes');
            socket.close(1011, 'replay failed');
          },
        });
        // Subscribe before replaying, so nothing committed in between is missed.
        const feed = await deps.bus.subscribe(topics.feed(workspaceId), (event) => void cursor.live(event as FeedEvent));
        const signals = await deps.bus.subscribe(topics.signals(workspaceId), (signal) => send(socket, signal as AgentSignal));
        // The bus lost events (Redis away): read them from the feed, which has them all.
        const stopGapReads = deps.bus.onPossibleGap(() => void cursor.replay());
        unsubscribe = async () => {
          stopGapReads();
          await Promise.all([feed(), signals()]);
        };
        agentName = (await findAgent(deps.db, workspaceId, principal.agentId))?.name ?? '';
        viewing = trackViewing(services.signals, workspaceId, { id: principal.agentId, name: agentName });
        if (socket.readyState !== socket.OPEN) return void unsubscribe();
        send(socket, { type: 'ready', seq: start });
        await cursor.replay();
        return;
      }
      if (principal?.kind !== 'agent') return;
      const side = { by: 'agent' as const, name: agentName };
      if (frame.type === 'typing') return services.signals.typing(principal.workspaceId, frame.conversationId, side, frame.typing);
      if (frame.type === 'receipt') return services.signals.receipt(principal.workspaceId, frame.conversationId, side, frame);
      if (frame.type === 'viewing') return viewing?.set(frame.conversationId, frame.viewing);
      if (frame.type !== 'message.send') return;
      if (!principal.scopes.includes('write')) throw appError('auth.forbidden', 'This token is read-only.');
      if (!frame.conversationId) throw appError('ws.invalid_frame', 'Agents name the conversationId.');
      const result = await services.postMessage.post({
        workspaceId: principal.workspaceId,
        agentId: principal.agentId,
        conversationId: frame.conversationId,
        body: frame.body,
        private: frame.private,
        channel: frame.channel,
        content: frame.content,
        idempotencyKey: frame.idempotencyKey,
      });
      send(socket, { type: 'message.ack', idempotencyKey: frame.idempotencyKey, message: presentMessage(result.message), duplicate: result.duplicate });
    });
  });
}

type ViewingTracker = ReturnType<typeof trackViewing>;

/**
 * The one conversation a socket says it has open. Opening another, or closing the socket, tells
 * the other agents it left, so no stale "also viewing" stays on their screens.
 */
function trackViewing(signals: SignalService, workspaceId: string, agent: { id: string; name: string }) {
  let current: string | null = null;
  let queue: Promise<void> = Promise.resolve();

  async function publish(conversationId: string, isViewing: boolean): Promise<void> {
    await signals.viewing(workspaceId, conversationId, agent, isViewing); // a stranger's conversation fails here: nothing changes
    const previous = current;
    if (isViewing) current = conversationId;
    else if (current === conversationId) current = null;
    if (isViewing && previous && previous !== conversationId) await signals.viewing(workspaceId, previous, agent, false);
  }

  // One at a time, in the order sent: a quick switch must not reach others as "left" before "opened".
  function enqueue(task: () => Promise<void>): Promise<void> {
    const done = queue.then(task);
    queue = done.catch(() => undefined); // the caller reports the failure; the next signal still goes out
    return done;
  }
  return {
    set: (conversationId: string, isViewing: boolean) => enqueue(() => publish(conversationId, isViewing)),
    leave: () => enqueue(async () => (current ? publish(current, false) : undefined)),
  };
}
