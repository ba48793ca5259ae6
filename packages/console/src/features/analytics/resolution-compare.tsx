import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsQuery, Overview } from '@tandem/protocol';
import { BarChartView } from './bar-chart-view.tsx';
import { ChartCard } from './chart-card.tsx';
import type { Define } from './definitions.ts';
import { csvName } from './use-analytics.ts';
import { useFormats } from './use-formats.ts';

type Resolution = Overview['resolution'];

/**
 * Honest resolution (nobody came back within the window) next to the loose count other products
 * report, each with its definition, so a lower honest number reads as stricter, not as worse.
 */
export function ResolutionCompare(props: { resolution: Resolution; filters: AnalyticsQuery; define: Define }) {
  const { t } = useTranslation();
  const f = useFormats();
  const titleId = useId();
  const { honest, loose, windowDays } = props.resolution;
  const days = f.count(windowDays);
  const honestTotal = honest.bot + honest.selfService + honest.agent;
  const looseTotal = loose.bot + loose.agent;
  const by = [
    { key: 'bot', name: t('analytics.byBot'), honest: honest.bot, loose: loose.bot },
    { key: 'selfService', name: t('analytics.bySelfService'), honest: honest.selfService, loose: null },
    { key: 'agent', name: t('analytics.byAgent'), honest: honest.agent, loose: loose.agent },
  ];
  const count = { numeric: true, format: (v: unknown) => f.count(v as number | null) };
  return (
    <section className="resolution" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('analytics.resolution')}</h3>
      <div className="compare">
        <div className="compare__side">
          <h4>{t('analytics.honest')}</h4>
          <p className="metric__value">{f.count(honestTotal)}</p>
          <p className="definition">{props.define('honestResolution', { days })}</p>
          <p className="metric__detail">{t('analytics.cameBackCount', { count: honest.cameBack, days })}</p>
        </div>
        <div className="compare__side">
          <h4>{t('analytics.loose')}</h4>
          <p className="metric__value">{f.count(looseTotal)}</p>
          <p className="definition">{props.define('looseResolution', { days })}</p>
        </div>
      </div>
      <ChartCard
        title={t('analytics.resolvedBy')}
        filename={csvName('resolution', props.filters)}
        data={{
          columns: [{ label: t('analytics.resolvedByColumn') }, { label: t('analytics.honest'), ...count }, { label: t('analytics.loose'), ...count }],
          rows: [...by.map((r) => [r.name, r.honest, r.loose]), [t('analytics.cameBack'), honest.cameBack, null], [t('analytics.total'), honestTotal, looseTotal]],
        }}
      >
        <BarChartView rows={by} category="name" series={[{ key: 'honest', name: t('analytics.honest') }, { key: 'loose', name: t('analytics.loose') }]} format={f.count} />
      </ChartCard>
    </section>
  );
}
