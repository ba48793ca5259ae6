import { useTranslation } from 'react-i18next';
import { SUPPRESSION_REASONS } from '@tandem/core';
import type { ProactiveRuleReport } from '@tandem/protocol';
import { useFormats } from '../analytics/use-formats.ts';

/** Why the rule fired but was not shown, most frequent first. */
export function SuppressionTable(props: { suppressed: ProactiveRuleReport['suppressed'] }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const rows = SUPPRESSION_REASONS.map((reason) => [reason, props.suppressed[reason] ?? 0] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1]);
  return (
    <section className="proactive-section" aria-labelledby="proactive-suppressed">
      <h3 id="proactive-suppressed">{t('proactive.suppressedBy')}</h3>
      {rows.length === 0 ? (
        <p className="proactive-muted">{t('proactive.noneSuppressed')}</p>
      ) : (
        <table className="table proactive-narrow">
          <thead><tr><th>{t('proactive.reason')}</th><th>{t('proactive.times')}</th></tr></thead>
          <tbody>
            {rows.map(([reason, count]) => (
              <tr key={reason}><td>{t(`proactiveReason.${reason}`)}</td><td>{formats.count(count)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
