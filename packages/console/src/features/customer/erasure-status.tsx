import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrivacyRequest } from '@tandem/protocol';
import { formatTime } from '../../i18n/formatters.ts';
import { usePolling } from '../broadcasts/use-polling.ts';
import { useSession } from '../session/session-context.tsx';

const isActive = (r: PrivacyRequest) => r.status === 'queued' || r.status === 'running';

/** An erasure request's progress, read again every `pollMs` until it is done or failed; then what it removed. */
export function ErasureStatus(props: { request: PrivacyRequest; pollMs: number; onFinished: () => void }) {
  const { t, i18n } = useTranslation();
  const { http } = useSession();
  const [request, setRequest] = useState(props.request);
  // One read at a time, and one "finished" however many reads saw it.
  const polling = useRef({ reading: false, finished: !isActive(props.request) });
  usePolling(isActive(request) ? props.pollMs : null, () => {
    const state = polling.current;
    if (state.reading || state.finished) return;
    state.reading = true;
    http.get<PrivacyRequest>(`/privacy-requests/${request.id}`).then((next) => {
      setRequest(next);
      if (isActive(next)) return;
      state.finished = true;
      props.onFinished();
    }, () => undefined /* a failed read: the next tick reads again */).finally(() => (state.reading = false));
  });
  const removed = Object.entries(request.report ?? {}).filter(([, n]) => n > 0);
  const status = request.status === 'done'
    ? t('dataRights.status_done', { date: formatTime(request.finishedAt ?? request.createdAt, i18n.language) })
    : request.status === 'failed'
      ? t('dataRights.status_failed', { count: request.attempts, error: request.error ?? '' })
      : t(`dataRights.status_${request.status}`);
  return (
    <div>
      <p role="status">{status}</p>
      {request.status === 'queued' && request.error && <p className="field-error">{t('dataRights.retrying', { error: request.error })}</p>}
      {request.status === 'done' && removed.length === 0 && <p>{t('dataRights.nothingLeft')}</p>}
      {removed.length > 0 && (
        <dl className="customer__attributes" aria-label={t('dataRights.removed')}>
          {removed.map(([key, n]) => (
            <div key={key}><dt>{t(`dataRightsReport.${key}`, { defaultValue: key })}</dt><dd>{n.toLocaleString(i18n.language)}</dd></div>
          ))}
        </dl>
      )}
    </div>
  );
}
