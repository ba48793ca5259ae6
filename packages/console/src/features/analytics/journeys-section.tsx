import { useTranslation } from 'react-i18next';
import type { AnalyticsQuery, Journeys } from '@tandem/protocol';
import { BarChartView } from './bar-chart-view.tsx';
import { ChartCard } from './chart-card.tsx';
import { useDefine } from './definitions.ts';
import { OtherDefinitions } from './metric-tile.tsx';
import { SankeyView } from './sankey-view.tsx';
import { csvName, useAnalytics } from './use-analytics.ts';
import { useFormats } from './use-formats.ts';
import { ViewState } from './view-state.tsx';

/** How customers moved from a page to an answer or a person, where they left, and which content sent them to people. */
export function JourneysSection(props: { filters: AnalyticsQuery }) {
  const { t, i18n } = useTranslation();
  const result = useAnalytics<Journeys>('journeys', props.filters);
  const define = useDefine(result.data?.definitions);
  const f = useFormats();
  const j = result.data;
  if (!j) return <ViewState error={result.error} />;
  const count = { numeric: true, format: (v: unknown) => f.count(v as number) };
  // A node is "<step>:<touchpoint>" labelled with the touchpoint's key: named in the reader's language when the console knows it.
  const nodes = j.sankey.nodes.map((n) => ({ id: n.id, label: i18n.exists(`analyticsTouchpoint.${n.label}`) ? t(`analyticsTouchpoint.${n.label}`) : n.label }));
  const labelOf = new Map(nodes.map((n) => [n.id, n.label]));
  // Reasons the console knows are translated; a new one shows as the server wrote it.
  const reasonName = (reason: string) => (i18n.exists(`handoffReason.${reason}`) ? t(`handoffReason.${reason}`) : reason);
  const funnel = j.funnel.map((s) => ({ name: t(`analyticsStage.${s.stage}`), customers: s.sessions }));
  const reasons = j.handoffReasons.map((r) => ({ name: reasonName(r.reason), count: r.count }));
  return (
    <div className="analytics-view">
      <ChartCard
        title={t('analytics.journeyFlow')}
        filename={csvName('journeys', props.filters)}
        definition={define('journeys')}
        data={{
          columns: [{ label: t('analytics.flowFrom') }, { label: t('analytics.flowTo') }, { label: t('analytics.journeyCount'), ...count }],
          rows: j.sankey.links.map((l) => [labelOf.get(l.source) ?? l.source, labelOf.get(l.target) ?? l.target, l.value]),
        }}
      >
        <SankeyView nodes={nodes} links={j.sankey.links} format={f.count} />
      </ChartCard>
      <div className="chart-grid">
        <ChartCard
          title={t('analytics.funnel')}
          filename={csvName('leave-points', props.filters)}
          definition={define('funnel')}
          data={{ columns: [{ label: t('analytics.stageColumn') }, { label: t('analytics.customers'), ...count }], rows: funnel.map((s) => [s.name, s.customers]) }}
        >
          <BarChartView rows={funnel} category="name" series={[{ key: 'customers', name: t('analytics.customers') }]} format={f.count} horizontal />
        </ChartCard>
        <ChartCard
          title={t('analytics.handoffReasons')}
          filename={csvName('handoff-reasons', props.filters)}
          definition={define('handoffReasons')}
          data={{ columns: [{ label: t('analytics.reason') }, { label: t('analytics.handoffs'), ...count }], rows: reasons.map((r) => [r.name, r.count]) }}
        >
          <BarChartView rows={reasons} category="name" series={[{ key: 'count', name: t('analytics.handoffs') }]} format={f.count} horizontal />
        </ChartCard>
        <ChartCard
          title={t('analytics.contentGaps')}
          filename={csvName('content-gaps', props.filters)}
          definition={define('gaps')}
          data={{ columns: [{ label: t('analytics.content') }, { label: t('analytics.kind') }, { label: t('analytics.handoffs'), ...count }], rows: j.gaps.map((g) => [g.label, t(`analyticsGap.${g.kind}`), g.handoffs]) }}
        />
        <ChartCard
          title={t('analytics.topStartPages')}
          filename={csvName('start-pages', props.filters)}
          definition={define('topStartPages')}
          data={{ columns: [{ label: t('analytics.page') }, { label: t('analytics.conversations'), ...count }], rows: j.topStartPages.map((p) => [p.url, p.conversations]) }}
        />
      </div>
      <OtherDefinitions definitions={j.definitions} />
    </div>
  );
}
