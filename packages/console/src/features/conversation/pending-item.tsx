import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context.tsx';
import type { OutboxItem } from './outbox.ts';
import { TemplatePicker } from './template-picker.tsx';

/** A reply written but not yet stored: sending, waiting for the connection, or refused. */
export function PendingItem({ item }: { item: OutboxItem }) {
  const { t } = useTranslation();
  const { live } = useSession();
  return (
    <li className={`message message--pending${item.private ? ' message--note' : ''}`} data-testid="pending-message" data-state={item.state}>
      <div className="message__body" dir="auto">{item.body}</div>
      <div className="message__meta">
        {item.state === 'failed' ? (
          <>
            <span className="field-error" role="alert">{item.error?.detail ?? t('composer.failed')}</span>
            <button type="button" className="button button--quiet" onClick={() => live.retry(item.idempotencyKey)}>{t('composer.retry')}</button>
            <button type="button" className="button button--quiet" onClick={() => live.discard(item.idempotencyKey)}>{t('composer.discard')}</button>
            {item.error?.code === 'conversation.whatsapp_window_closed' && <TemplatePicker item={item} />}
          </>
        ) : (
          <span role="status">{t(item.state === 'sending' ? 'composer.sending' : 'composer.queued')}</span>
        )}
      </div>
    </li>
  );
}
