import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, CustomerExport, PrivacyRequest } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { useSession } from '../session/session-context.tsx';
import { downloadJson } from './download-json.ts';
import { EraseDialog } from './erase-dialog.tsx';
import { ErasureStatus } from './erasure-status.tsx';

/** For admins: download everything stored about the customer, or erase it (a job whose progress shows here). */
export function CustomerDataRights(props: { customer: Customer; onErased: () => void; pollMs?: number }) {
  const { t } = useTranslation();
  const { http } = useSession();
  const { id } = props.customer;
  const latest = useResource<{ items: PrivacyRequest[] }>('/privacy-requests', { customerId: id, limit: 1 });
  const [requested, setRequested] = useState<PrivacyRequest | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const request = requested ?? latest.data?.items[0] ?? null;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const exportData = () => run(async () => downloadJson(`customer-${id}.json`, await http.get<CustomerExport>(`/customers/${id}/export`)));
  const erase = () => run(async () => {
    setRequested(await http.send<PrivacyRequest>('POST', `/customers/${id}/erase`));
    setConfirming(false);
  });

  return (
    <section aria-labelledby="customer-data-rights">
      <h3 id="customer-data-rights">{t('dataRights.title')}</h3>
      {'erasedAt' in props.customer.attributes && <p className="notice">{t('dataRights.erased')}</p>}
      <div className="admin-row">
        <button type="button" className="button" disabled={busy} onClick={() => void exportData()}>{busy && !confirming ? t('dataRights.exporting') : t('dataRights.export')}</button>
        <button type="button" className="button" disabled={busy} onClick={() => { setProblem(null); setConfirming(true); }}>{t('dataRights.erase')}</button>
      </div>
      {problem && !confirming && <p className="field-error" role="alert">{t('dataRights.requestFailed', { detail: problem })}</p>}
      {confirming && (
        <EraseDialog name={props.customer.name ?? t('customer.anonymous')} busy={busy} problem={problem} onCancel={() => setConfirming(false)} onConfirm={() => void erase()} />
      )}
      {request && <ErasureStatus key={request.id} request={request} pollMs={props.pollMs ?? 2000} onFinished={props.onErased} />}
    </section>
  );
}
