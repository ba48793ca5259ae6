import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ProactiveRule, ProactiveRuleReport } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { LoadAlert } from '../admin/form-alert.tsx';
import { useFormats } from '../analytics/use-formats.ts';
import { ExperimentTable } from './experiment-table.tsx';
import { ExposureLog } from './exposure-log.tsx';
import { SuppressionTable } from './suppression-table.tsx';

const PERIODS = [7, 30, 90] as const;
const DAY_MS = 86_400_000;

function periodOf(days: number, now: Date) {
  return { days, from: new Date(now.getTime() - days * DAY_MS).toISOString(), to: now.toISOString() };
}

/** /proactive/<id>: how often the rule showed, why it was held back, whether it helped, and its log. */
export function RuleReport(props: { id: string }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const rule = useResource<ProactiveRule>(`/proactive/rules/${props.id}`);
  // The period is fixed when chosen, so re-rendering never asks for a new report.
  const [period, setPeriod] = useState(() => periodOf(30, new Date()));
  const report = useResource<ProactiveRuleReport>(`/proactive/rules/${props.id}/report`, { from: period.from, to: period.to });
  const data = report.data;
  const suppressed = data ? Object.values(data.suppressed).reduce((sum, n) => sum + (n ?? 0), 0) : 0;
  return (
    <section className="proactive-report" aria-labelledby="proactive-report">
      <div className="proactive-heading">
        <h2 id="proactive-report" dir="auto">{rule.data ? t('proactive.reportNamed', { name: rule.data.name }) : t('proactive.report')}</h2>
        <Link href={`/proactive/${props.id}/edit`} className="button">{t('admin.edit')}</Link>
        <Link href="/proactive" className="button button--quiet">{t('proactive.backToRules')}</Link>
      </div>
      <LoadAlert error={rule.error ?? report.error} />
      <label className="proactive-inline">
        {t('proactive.period')}
        <select value={period.days} onChange={(e) => setPeriod(periodOf(Number(e.target.value), new Date()))}>
          {PERIODS.map((days) => <option key={days} value={days}>{t('proactive.lastDays', { count: days })}</option>)}
        </select>
      </label>
      {!data && !report.error && <p role="status">{t('app.loading')}</p>}
      {data && (
        <>
          <dl className="proactive-tiles">
            <div><dt>{t('proactive.shown')}</dt><dd>{formats.count(data.shown)}</dd></div>
            <div><dt>{t('proactive.heldOut')}</dt><dd>{formats.count(data.holdout)}</dd></div>
            <div><dt>{t('proactive.suppressed')}</dt><dd>{formats.count(suppressed)}</dd></div>
          </dl>
          <SuppressionTable suppressed={data.suppressed} />
          <ExperimentTable groups={data.groups} />
        </>
      )}
      <ExposureLog ruleId={props.id} />
    </section>
  );
}
