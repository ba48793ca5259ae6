import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProactiveExposure } from '@tandem/protocol';
import { useCursorPages } from '../../api/use-cursor-pages.ts';
import { formatTime } from '../../i18n/formatters.ts';
import { LoadAlert } from '../admin/form-alert.tsx';

export const EXPOSURE_PAGE_SIZE = 50;
const OUTCOMES = ['shown', 'holdout', 'suppressed'] as const satisfies readonly ProactiveExposure['outcome'][];
type Outcome = (typeof OUTCOMES)[number];
const isOutcome = (value: string): value is Outcome => (OUTCOMES as readonly string[]).includes(value);

/** Each time the rule fired, newest first: shown, held back, or suppressed and why. */
export function ExposureLog(props: { ruleId: string }) {
  const { t, i18n } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const pages = useCursorPages<ProactiveExposure>('/proactive/exposures', { ruleId: props.ruleId, outcome, limit: EXPOSURE_PAGE_SIZE });
  return (
    <section className="proactive-section" aria-labelledby="proactive-log">
      <div className="proactive-heading">
        <h3 id="proactive-log">{t('proactive.log')}</h3>
        <label className="proactive-inline">
          {t('proactive.outcomeFilter')}
          <select value={outcome} onChange={(e) => setOutcome(isOutcome(e.target.value) ? e.target.value : '')}>
            <option value="">{t('proactive.allOutcomes')}</option>
            {OUTCOMES.map((o) => <option key={o} value={o}>{t(`proactiveOutcome.${o}`)}</option>)}
          </select>
        </label>
      </div>
      <LoadAlert error={pages.error} />
      {!pages.loaded && !pages.error && <p role="status">{t('app.loading')}</p>}
      {pages.loaded && pages.items.length === 0 && <p className="proactive-muted">{t('proactive.noExposures')}</p>}
      {pages.items.length > 0 && (
        <table className="table">
          <thead><tr><th>{t('proactive.when')}</th><th>{t('proactive.outcome')}</th><th>{t('proactive.page')}</th><th>{t('proactive.customer')}</th></tr></thead>
          <tbody>
            {pages.items.map((e) => (
              <tr key={e.id} data-testid="exposure">
                <td><time dateTime={e.occurredAt}>{formatTime(e.occurredAt, i18n.language)}</time></td>
                <td>{e.outcome === 'suppressed' && e.reason ? t('proactive.suppressedWhy', { reason: t(`proactiveReason.${e.reason}`) }) : t(`proactiveOutcome.${e.outcome}`)}</td>
                <td dir="ltr" className="proactive-url">{e.url ?? '—'}</td>
                <td dir="ltr"><code title={e.customerId}>{e.customerId.slice(0, 8)}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages.hasMore && (
        <button type="button" className="button" disabled={pages.loading} onClick={() => void pages.loadMore()}>
          {pages.loading ? t('app.loading') : t('proactive.more')}
        </button>
      )}
    </section>
  );
}
