import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { SKIP_REASONS } from '@tandem/core';
import type { BroadcastRecipient } from '@tandem/protocol';
import { formatTime } from '../../i18n/formatters.ts';
import { LoadAlert } from '../admin/form-alert.tsx';
import type { CursorPages } from '../../api/use-cursor-pages.ts';
import { isRecipientStatus, RECIPIENT_STATUSES, type RecipientStatus } from './broadcast-statuses.ts';

const isSkipReason = (reason: string) => (SKIP_REASONS as readonly string[]).includes(reason);

/** Who it went to, on which channel, and how far it got; filtered by status, a page at a time. */
export function RecipientsTable(props: { pages: CursorPages<BroadcastRecipient>; status: RecipientStatus | ''; onStatus: (status: RecipientStatus | '') => void }) {
  const { t, i18n } = useTranslation();
  const { pages } = props;
  return (
    <section className="broadcast-section" aria-labelledby="broadcast-recipients">
      <div className="broadcast-heading">
        <h3 id="broadcast-recipients">{t('broadcast.recipients')}</h3>
        <label className="broadcast-inline">
          {t('broadcast.statusFilter')}
          <select value={props.status} onChange={(e) => props.onStatus(isRecipientStatus(e.target.value) ? e.target.value : '')}>
            <option value="">{t('broadcast.allStatuses')}</option>
            {RECIPIENT_STATUSES.map((s) => <option key={s} value={s}>{t(`recipientStatus.${s}`)}</option>)}
          </select>
        </label>
      </div>
      <LoadAlert error={pages.error} />
      {!pages.loaded && !pages.error && <p role="status">{t('app.loading')}</p>}
      {pages.loaded && pages.items.length === 0 && <p className="broadcast-muted">{t('broadcast.noRecipients')}</p>}
      {pages.items.length > 0 && (
        <table className="table">
          <thead><tr><th>{t('broadcast.customer')}</th><th>{t('broadcast.channel')}</th><th>{t('broadcast.status')}</th><th>{t('broadcast.reason')}</th><th>{t('broadcast.updatedAt')}</th></tr></thead>
          <tbody>
            {pages.items.map((r) => (
              <tr key={r.customerId} data-testid="recipient">
                <td dir="auto">
                  {r.conversationId ? <Link href={`/inbox/all/${r.conversationId}`}>{r.name ?? r.customerId}</Link> : (r.name ?? r.customerId)}
                </td>
                <td>{r.channel ? t(`outreachChannel.${r.channel}`) : '—'}</td>
                <td>{t(`recipientStatus.${r.status}`)}</td>
                <td dir="auto">{r.reason ? (isSkipReason(r.reason) ? t(`skipReason.${r.reason}`) : r.reason) : ''}</td>
                <td><time dateTime={r.updatedAt}>{formatTime(r.updatedAt, i18n.language)}</time></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages.hasMore && (
        <button type="button" className="button" disabled={pages.loading} onClick={() => void pages.loadMore()}>
          {pages.loading ? t('app.loading') : t('broadcast.more')}
        </button>
      )}
    </section>
  );
}
