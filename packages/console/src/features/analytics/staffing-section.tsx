import { useTranslation } from 'react-i18next';
import type { AnalyticsQuery, Staffing } from '@tandem/protocol';
import { ChartCard } from './chart-card.tsx';
import { useDefine } from './definitions.ts';
import { OtherDefinitions } from './metric-tile.tsx';
import { StaffingHeatTable } from './staffing-heat-table.tsx';
import { csvName, useAnalytics } from './use-analytics.ts';
import { useFormats } from './use-formats.ts';
import { ViewState } from './view-state.tsx';

const timeOf = (slot: number) => `${String(Math.floor(slot / 2)).padStart(2, '0')}:${slot % 2 ? '30' : '00'}`;
const slotOf = (time: string) => Number(time.slice(0, 2)) * 2 + (time.slice(3) === '30' ? 1 : 0);

/** Arrivals per half hour and the agents needed to answer them on target (Erlang C). */
export function StaffingSection(props: { filters: AnalyticsQuery }) {
  const { t } = useTranslation();
  const result = useAnalytics<Staffing>('staffing', props.filters);
  const define = useDefine(result.data?.definitions);
  const f = useFormats();
  const s = result.data;
  if (!s) return <ViewState error={result.error} />;
  const { target } = s;
  const sorted = [...s.intervals].sort((a, b) => a.weekday - b.weekday || a.slot - b.slot);
  return (
    <div className="analytics-view">
      <p className="staffing__target">
        {t('analytics.staffingTarget', { share: f.percent(target.serviceLevel), within: f.duration(target.withinSeconds), handle: f.duration(target.handleSeconds) })}
      </p>
      <ChartCard
        title={t('analytics.staffing')}
        filename={csvName('staffing', props.filters)}
        definition={define('staffing')}
        notes={<p className="definition">{define('arrivals')}</p>}
        data={{
          columns: [
            { label: t('analytics.weekday'), format: (v) => f.weekday(Number(v)) },
            { label: t('analytics.time'), format: (v) => f.slot(slotOf(String(v))) },
            { label: t('analytics.arrivals'), numeric: true, format: (v) => f.decimal(v as number) },
            { label: t('analytics.agentsNeeded'), numeric: true, format: (v) => f.count(v as number) },
          ],
          // The CSV says the weekday (0 = Sunday) and the slot's start time, as a spreadsheet reads them.
          rows: sorted.map((i) => [i.weekday, timeOf(i.slot), i.arrivals, i.agentsNeeded]),
        }}
      >
        <StaffingHeatTable intervals={s.intervals} />
      </ChartCard>
      <OtherDefinitions definitions={s.definitions} />
    </div>
  );
}
