import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProactiveRuleReport } from '@tandem/protocol';
import { useFormats } from '../analytics/use-formats.ts';
import { createRateFormats, shareOf } from './report-formats.ts';

const OUTCOMES = ['conversationsOpened', 'selfServiceResolved', 'purchases'] as const;

/**
 * Customers the rule was shown to against the control group it was held back from: each outcome as a
 * share of the group's customers, and the difference. Without a control group there is nothing to compare.
 */
export function ExperimentTable(props: { groups: ProactiveRuleReport['groups'] }) {
  const { t, i18n } = useTranslation();
  const formats = useFormats();
  const rates = useMemo(() => createRateFormats(i18n.language), [i18n.language]);
  const { exposed, control } = props.groups;
  return (
    <section className="proactive-section" aria-labelledby="proactive-experiment">
      <h3 id="proactive-experiment">{t('proactive.experiment')}</h3>
      <p className="proactive-muted">{t('proactive.experimentHint')}</p>
      {control.customers === 0 && <p className="notice">{t('proactive.noControl')}</p>}
      <table className="table proactive-experiment">
        <thead>
          <tr><th>{t('proactive.outcome')}</th><th>{t('proactive.exposed')}</th><th>{t('proactive.control')}</th><th>{t('proactive.difference')}</th></tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('proactive.customers')}</th>
            <td>{formats.count(exposed.customers)}</td>
            <td>{formats.count(control.customers)}</td>
            <td />
          </tr>
          {OUTCOMES.map((outcome) => {
            const a = shareOf(exposed[outcome], exposed.customers);
            const b = shareOf(control[outcome], control.customers);
            return (
              <tr key={outcome}>
                <th scope="row">{t(`proactiveOutcomeMetric.${outcome}`)}</th>
                <td>{rates.rate(a)} <span className="proactive-muted">({formats.count(exposed[outcome])})</span></td>
                <td>{rates.rate(b)} <span className="proactive-muted">({formats.count(control[outcome])})</span></td>
                <td>{rates.difference(a === null || b === null ? null : a - b)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
