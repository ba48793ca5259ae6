import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, InboxRow, Message } from '@tandem/protocol';
import { useSession } from '../session/session-context.tsx';
import { useLive } from '../../live/use-live.ts';
import { MessageItem } from './message-item.tsx';
import { PendingItem } from './pending-item.tsx';

/** The whole conversation across channels, oldest first, with replies still on their way at the end. */
export function Thread(props: { row: InboxRow; agents: readonly Agent[] }) {
  const { t } = useTranslation();
  const { live } = useSession();
  const id = props.row.conversation.id;
  const version = useLive((s) => s.threadsVersion);
  const outbox = useLive((s) => s.outbox);
  const [messages, setMessages] = useState<readonly Message[] | null>(() => live.cachedThread(id) ?? null);
  const [failed, setFailed] = useState(false);
  const end = useRef<HTMLLIElement>(null);

  useEffect(() => {
    let current = true;
    live.thread(id).then(
      (loaded) => current && setMessages(loaded),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [id, live, version]);

  const pending = outbox.filter((item) => item.conversationId === id);
  // Braces matter: scrollIntoView returns a promise in current Chromium, and an effect must not return one.
  useLayoutEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [messages, pending.length]);

  const nameOf = (m: Message) => {
    if (m.author === 'customer') return props.row.customer.name ?? t('customer.anonymous');
    if (m.author === 'bot') return t('message.bot');
    if (m.author === 'system') return t('message.system');
    return props.agents.find((a) => a.id === m.authorId)?.name ?? t('message.agent');
  };

  if (failed) return <p className="field-error" role="alert">{t('thread.failed')}</p>;
  if (!messages) return <p role="status">{t('app.loading')}</p>;
  return (
    <ol className="thread" aria-label={t('thread.label')} aria-live="polite" data-testid="thread">
      {messages.map((m) => <MessageItem key={m.id} message={m} authorName={nameOf(m)} />)}
      {pending.filter((item) => !messages.some((m) => m.idempotencyKey === item.idempotencyKey)).map((item) => (
        <PendingItem key={item.idempotencyKey} item={item} />
      ))}
      <li ref={end} aria-hidden="true" className="thread__end" />
    </ol>
  );
}
