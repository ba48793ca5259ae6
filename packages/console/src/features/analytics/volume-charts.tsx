import { useTranslation } from 'react-i18next';
import type { AnalyticsQuery, Overview } from '@tandem/protocol';
import { BarChartView } from './bar-chart-view.tsx';
import { ChartCard } from './chart-card.tsx';
import type { Define } from './definitions.ts';
import { LineChartView } from './line-chart-view.tsx';
import { csvName } from './use-analytics.ts';
import { useFormats } from './use-formats.ts';

/** Conversations by day, by channel and by hour of the day. */
export function VolumeCharts(props: { volume: Overview['volume']; filters: AnalyticsQuery; define: Define }) {
  const { t } = useTranslation();
  const f = useFormats();
  const { byDay, byChannel, byHour } = props.volume;
  const count = { numeric: true, format: (v: unknown) => f.count(v as number) };
  const conversations = { label: t('analytics.conversations'), ...count };
  const channelName = (kind: string) => t(`channel.${kind}`);
  const hourName = (hour: number) => f.slot(hour * 2);
  return (
    <div className="chart-grid">
      <ChartCard
        title={t('analytics.volumeByDay')}
        filename={csvName('volume-by-day', props.filters)}
        definition={props.define('customerMessages')}
        data={{
          columns: [{ label: t('analytics.day'), format: (v) => f.day(String(v)) }, conversations, { label: t('analytics.customerMessages'), ...count }],
          rows: byDay.map((d) => [d.day, d.conversations, d.customerMessages]),
        }}
      >
        <LineChartView
          rows={byDay}
          category="day"
          series={[{ key: 'conversations', name: t('analytics.conversations') }, { key: 'customerMessages', name: t('analytics.customerMessages') }]}
          format={f.count}
          formatCategory={f.day}
        />
      </ChartCard>
      <ChartCard
        title={t('analytics.volumeByChannel')}
        filename={csvName('volume-by-channel', props.filters)}
        data={{ columns: [{ label: t('analytics.channel') }, conversations], rows: byChannel.map((c) => [channelName(c.channel), c.conversations]) }}
      >
        <BarChartView rows={byChannel.map((c) => ({ name: channelName(c.channel), conversations: c.conversations }))} category="name" series={[{ key: 'conversations', name: t('analytics.conversations') }]} format={f.count} />
      </ChartCard>
      <ChartCard
        title={t('analytics.volumeByHour')}
        filename={csvName('volume-by-hour', props.filters)}
        definition={props.define('volumeByHour')}
        data={{ columns: [{ label: t('analytics.hour'), format: (v) => hourName(Number(v)) }, conversations], rows: byHour.map((h) => [h.hour, h.conversations]) }}
      >
        <BarChartView rows={byHour.map((h) => ({ hour: hourName(h.hour), conversations: h.conversations }))} category="hour" series={[{ key: 'conversations', name: t('analytics.conversations') }]} format={f.count} />
      </ChartCard>
    </div>
  );
}
