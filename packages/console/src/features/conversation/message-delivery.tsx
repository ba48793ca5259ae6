import { useTranslation } from 'react-i18next';
import type { Message } from '@tandem/protocol';

const SENT_CHANNELS = new Set(['email', 'sms', 'whatsapp']);

/** How far a reply on email, SMS or WhatsApp got, and why it did not arrive. */
export function MessageDelivery({ message }: { message: Message }) {
  const { t } = useTranslation();
  const outbound = !message.private && (message.author === 'agent' || message.author === 'bot') && SENT_CHANNELS.has(message.channel);
  if (!outbound) return null;
  return (
    <span className={`chip chip--delivery chip--${message.deliveryStatus}`} data-testid="message-delivery" role="status">
      {t(`delivery.${message.deliveryStatus}`)}
      {message.deliveryError && <span className="message__delivery-error"> · {t('delivery.error', { error: message.deliveryError })}</span>}
    </span>
  );
}

/** What the email channel recorded of a received mail: the original source, and mail nobody answers. */
export function EmailFacts({ message }: { message: Message }) {
  const { t } = useTranslation();
  const email = message.content.email;
  if (!email) return null;
  return (
    <div className="message__email" data-testid="message-email">
      {email.kind === 'auto_reply' && <span className="chip">{t('message.autoReply')}</span>}
      {email.kind === 'bulk' && <span className="chip">{t('message.bulk')}</span>}
      {email.dropped.length > 0 && <span className="chip">{t('message.notKept', { files: email.dropped.join(', ') })}</span>}
      <a href={`/api/v1/messages/${message.id}/original`} target="_blank" rel="noopener noreferrer">{t('message.original')}</a>
    </div>
  );
}
