import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Broadcast } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { formatTime } from '../../i18n/formatters.ts';
import { LoadAlert } from '../admin/form-alert.tsx';
import { CountsSummary } from './counts-summary.tsx';

/** Every broadcast, with where it stands. */
export function BroadcastList() {
  const { t, i18n } = useTranslation();
  const broadcasts = useResource<{ items: Broadcast[] }>('/broadcasts');
  return (
    <section className="broadcast-section" aria-labelledby="broadcast-list">
      <div className="broadcast-heading">
        <h2 id="broadcast-list">{t('broadcast.list')}</h2>
        <Link href="/broadcasts/new" className="button button--primary">{t('broadcast.new')}</Link>
      </div>
      <p className="broadcast-muted">{t('broadcast.listHint')}</p>
      <LoadAlert error={broadcasts.error} />
      {!broadcasts.data && !broadcasts.error && <p role="status">{t('app.loading')}</p>}
      {broadcasts.data?.items.length === 0 && <p className="broadcast-muted">{t('broadcast.none')}</p>}
      {broadcasts.data && broadcasts.data.items.length > 0 && (
        <table className="table">
          <thead><tr><th>{t('admin.name')}</th><th>{t('broadcast.status')}</th><th>{t('broadcast.scheduledAt')}</th><th>{t('broadcast.recipients')}</th></tr></thead>
          <tbody>
            {broadcasts.data.items.map((b) => (
              <tr key={b.id}>
                <td dir="auto"><Link href={`/broadcasts/${b.id}`}>{b.name}</Link></td>
                <td><span className={`broadcast-status broadcast-status--${b.status}`}>{t(`broadcastStatus.${b.status}`)}</span></td>
                <td><time dateTime={b.scheduledAt}>{formatTime(b.scheduledAt, i18n.language)}</time></td>
                <td><CountsSummary counts={b.counts} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
