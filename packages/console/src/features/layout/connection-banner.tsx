import { useTranslation } from 'react-i18next';
import { useLive } from '../../live/use-live.ts';

/** Says when the console is offline, and how many replies wait to be sent on reconnect. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const connection = useLive((s) => s.connection);
  const outbox = useLive((s) => s.outbox);
  if (connection === 'online') return null;
  const waiting = outbox.filter((item) => item.state !== 'failed').length;
  return (
    <div className="banner banner--warning" role="status" data-testid="connection-banner">
      {t(connection === 'connecting' ? 'connection.connecting' : 'connection.offline')}
      {waiting > 0 && ` ${t('connection.queued', { count: waiting })}`}
    </div>
  );
}
