import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Broadcast, BroadcastRecipient } from '@tandem/protocol';
import { useCursorPages } from '../../api/use-cursor-pages.ts';
import { useResource } from '../../api/use-resource.ts';
import { FormAlert, LoadAlert } from '../admin/form-alert.tsx';
import { useSubmit } from '../admin/use-submit.ts';
import { useSession } from '../session/session-context.tsx';
import { BroadcastFacts } from './broadcast-facts.tsx';
import { isActive, type RecipientStatus } from './broadcast-statuses.ts';
import { RecipientCounts } from './recipient-counts.tsx';
import { RecipientsTable } from './recipients-table.tsx';
import { usePolling } from './use-polling.ts';

export const POLL_MS = 3000;
export const RECIPIENT_PAGE_SIZE = 50;

/** /broadcasts/<id>: where it stands, refreshed every few seconds until it is done, and whom it reached. */
export function BroadcastDetail(props: { id: string }) {
  const { t } = useTranslation();
  const { http } = useSession();
  const broadcast = useResource<Broadcast>(`/broadcasts/${props.id}`);
  const [status, setStatus] = useState<RecipientStatus | ''>('');
  const recipients = useCursorPages<BroadcastRecipient>(`/broadcasts/${props.id}/recipients`, { status, limit: RECIPIENT_PAGE_SIZE });
  const cancelling = useSubmit();
  const data = broadcast.data;
  const active = data !== undefined && isActive(data.status);
  usePolling(active ? POLL_MS : null, () => {
    broadcast.reload();
    // Further pages the agent opened stay put; only the first page follows along.
    if (!recipients.paged) recipients.reload();
  });
  const cancel = () => {
    if (!data || !window.confirm(t('broadcast.confirmCancel', { name: data.name }))) return;
    void cancelling.submit(() => http.send('POST', `/broadcasts/${props.id}/cancel`)).then(() => {
      broadcast.reload();
      recipients.reload();
    });
  };
  return (
    <section className="broadcast-section" aria-labelledby="broadcast-detail">
      <div className="broadcast-heading">
        <h2 id="broadcast-detail" dir="auto">{data?.name ?? t('broadcast.broadcast')}</h2>
        {active && <button type="button" className="button" disabled={cancelling.saving} onClick={cancel}>{t('broadcast.cancel')}</button>}
        <Link href="/broadcasts" className="button button--quiet">{t('broadcast.back')}</Link>
      </div>
      <LoadAlert error={broadcast.error} />
      <FormAlert problem={cancelling.problem} paths={[]} />
      {!data && !broadcast.error && <p role="status">{t('app.loading')}</p>}
      {data && (
        <>
          <BroadcastFacts broadcast={data} />
          {active && <p className="broadcast-muted" role="status">{t('broadcast.refreshing')}</p>}
          <RecipientCounts counts={data.counts} />
        </>
      )}
      <RecipientsTable pages={recipients} status={status} onStatus={setStatus} />
    </section>
  );
}
