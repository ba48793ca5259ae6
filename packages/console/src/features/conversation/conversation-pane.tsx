import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../../live/directory.ts';
import { useLive } from '../../live/use-live.ts';
import { useSession } from '../session/session-context.tsx';
import { useShortcuts } from '../shortcuts/use-shortcuts.ts';
import { ActionsBar } from './actions-bar.tsx';
import { CollisionBanner } from './collision-banner.tsx';
import { Composer, type ComposerHandle } from './composer.tsx';
import type { DraftMode } from './drafts.ts';
import { HandoffPacketView } from './handoff-packet.tsx';
import { KbSuggestions } from './kb-suggestions.tsx';
import { Thread } from './thread.tsx';
import { usePresenceInConversation } from './use-presence-in-conversation.ts';

/** One conversation: who has it, what the bot learned, the thread, and the reply box. */
export function ConversationPane(props: { conversationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { http } = useSession();
  const row = useLive((s) => s.inbox.rows.get(props.conversationId));
  const agents = useDirectory('agents');
  const [mode, setMode] = useState<DraftMode>('reply');
  const composer = useRef<ComposerHandle | null>(null);
  usePresenceInConversation(props.conversationId, row?.conversation.lastSeq ?? 0);

  const focusComposer = (next: DraftMode) => {
    setMode(next);
    requestAnimationFrame(() => document.getElementById('composer-input')?.focus());
  };
  useShortcuts({
    reply: () => focusComposer('reply'),
    note: () => focusComposer('note'),
    resolve: () => {
      if (row && row.conversation.status !== 'resolved') {
        void http.send('PATCH', `/conversations/${props.conversationId}`, { status: 'resolved' }).then(props.onDone, () => undefined);
      }
    },
  });
  useEffect(() => {
    setMode('reply');
  }, [props.conversationId]);

  if (!row) return <p role="status" className="pane__empty">{t('app.loading')}</p>;
  const c = row.conversation;
  return (
    <article className="conversation" aria-labelledby="conversation-title" data-testid="conversation" data-status={c.status} data-conversation-id={c.id}>
      <header className="conversation__header">
        <h2 id="conversation-title" dir="auto">{row.customer.name ?? row.customer.email ?? t('customer.anonymous')}</h2>
        {c.subject && <p className="conversation__subject" dir="auto">{c.subject}</p>}
        <span className="chip" data-testid="conversation-status">{t(`status.${c.status}`)}</span>
      </header>
      <ActionsBar row={row} agents={agents} onResolved={props.onDone} />
      <CollisionBanner row={row} agents={agents} />
      {/* Focusable, so the thread scrolls with the keyboard too. */}
      <div className="conversation__scroll" tabIndex={0} role="region" aria-label={t('thread.label')}>
        <HandoffPacketView conversationId={c.id} />
        <Thread row={row} agents={agents} />
      </div>
      <KbSuggestions row={row} composer={() => composer.current} />
      <Composer row={row} agents={agents} mode={mode} onMode={setMode} ref={composer} />
    </article>
  );
}
