import { useTranslation } from 'react-i18next';
import type { AnalyticsQuery, Overview } from '@tandem/protocol';
import { ChartCard } from './chart-card.tsx';
import type { Define } from './definitions.ts';
import { csvName } from './use-analytics.ts';
import { useFormats } from './use-formats.ts';

// Metric ids as the API names them, and their labels ("resolution time": the page also counts resolutions).
const MEASURES = ['firstResponse', 'nextResponse', 'resolution'] as const;
const LABELS = { firstResponse: 'analytics.firstResponse', nextResponse: 'analytics.nextResponse', resolution: 'analytics.resolutionTime' } as const;

/** Median and 90th percentile of each response time, as durations (the CSV keeps seconds). */
export function ResponseTimes(props: { times: Overview['responseTimes']; filters: AnalyticsQuery; define: Define }) {
  const { t } = useTranslation();
  const f = useFormats();
  const seconds = (label: string) => ({ label, csvLabel: t('analytics.inSeconds', { label }), numeric: true, format: (v: unknown) => f.duration(v as number | null) });
  const definitions = MEASURES.map((m) => [m, props.define(m)] as const).filter(([, text]) => text);
  return (
    <ChartCard
      title={t('analytics.responseTimes')}
      filename={csvName('response-times', props.filters)}
      definition={props.define('businessTime')}
      data={{
        columns: [
          { label: t('analytics.measure') },
          seconds(t('analytics.median')),
          seconds(t('analytics.p90')),
          { label: t('analytics.measured'), numeric: true, format: (v) => f.count(v as number) },
        ],
        rows: MEASURES.map((m) => [t(LABELS[m]), props.times[m].median, props.times[m].p90, props.times[m].count]),
      }}
      notes={
        definitions.length > 0 && (
          <dl className="definitions">
            {definitions.map(([m, text]) => <div key={m}><dt>{t(LABELS[m])}</dt><dd>{text}</dd></div>)}
          </dl>
        )
      }
    />
  );
}
