import { useTranslation } from 'react-i18next';
import type { AgentStats, AnalyticsQuery } from '@tandem/protocol';
import { ChartCard } from './chart-card.tsx';
import { useDefine } from './definitions.ts';
import { OtherDefinitions } from './metric-tile.tsx';
import { csvName, useAnalytics } from './use-analytics.ts';
import { useFormats } from './use-formats.ts';
import { ViewState } from './view-state.tsx';

/** Each agent's load, speed and ratings for the period. */
export function AgentsSection(props: { filters: AnalyticsQuery }) {
  const { t } = useTranslation();
  const result = useAnalytics<AgentStats>('agents', props.filters);
  const define = useDefine(result.data?.definitions);
  const f = useFormats();
  const a = result.data;
  if (!a) return <ViewState error={result.error} />;
  const count = { numeric: true, format: (v: unknown) => f.count(v as number) };
  const seconds = (label: string) => ({ label, csvLabel: t('analytics.inSeconds', { label }), numeric: true, format: (v: unknown) => f.duration(v as number | null) });
  const definitions = (['firstResponse', 'csatAverage', 'occupancy', 'concurrency'] as const).map((id) => [id, define(id)] as const).filter(([, text]) => text);
  return (
    <div className="analytics-view">
      <ChartCard
        title={t('analytics.agents')}
        filename={csvName('agents', props.filters)}
        data={{
          columns: [
            { label: t('analytics.agent') },
            { label: t('analytics.conversations'), ...count },
            { label: t('analytics.resolved'), ...count },
            seconds(t('analytics.firstResponseMedian')),
            seconds(t('analytics.firstResponseP90')),
            { label: t('analytics.csatAverage'), numeric: true, format: (v) => f.decimal(v as number | null) },
            { label: t('analytics.csatResponses'), ...count },
            { label: t('analytics.occupancy'), numeric: true, format: (v) => f.percent(v as number | null) },
            { label: t('analytics.concurrency'), numeric: true, format: (v) => f.decimal(v as number | null) },
          ],
          rows: a.items.map((i) => [i.name, i.conversations, i.resolved, i.firstResponse.median, i.firstResponse.p90, i.csatAverage, i.csatResponses, i.occupancy, i.concurrency]),
        }}
        notes={
          definitions.length > 0 && (
            <dl className="definitions">
              {definitions.map(([id, text]) => <div key={id}><dt>{t(`analytics.${id}`)}</dt><dd>{text}</dd></div>)}
            </dl>
          )
        }
      />
      <OtherDefinitions definitions={a.definitions} />
    </div>
  );
}
