import { useTranslation } from 'react-i18next';
import type { AnalyticsQuery, Overview } from '@tandem/protocol';
import { useDefine } from './definitions.ts';
import { MetricTile, OtherDefinitions } from './metric-tile.tsx';
import { ResolutionCompare } from './resolution-compare.tsx';
import { ResponseTimes } from './response-times.tsx';
import { useAnalytics } from './use-analytics.ts';
import { useFormats } from './use-formats.ts';
import { ViewState } from './view-state.tsx';
import { VolumeCharts } from './volume-charts.tsx';

/** Volume, speed, SLA, satisfaction and resolution for the filtered period. */
export function OverviewSection(props: { filters: AnalyticsQuery }) {
  const { t } = useTranslation();
  const overview = useAnalytics<Overview>('overview', props.filters);
  const define = useDefine(overview.data?.definitions);
  const f = useFormats();
  const o = overview.data;
  if (!o) return <ViewState error={overview.error} />;
  return (
    <div className="analytics-view">
      <dl className="metrics">
        <MetricTile label={t('analytics.conversations')} value={f.count(o.conversations)} definition={define('conversations')} />
        <MetricTile label={t('analytics.slaFirstResponseMet')} value={f.percent(o.sla.firstResponseMet)} definition={define('slaFirstResponseMet')} />
        <MetricTile label={t('analytics.slaResolutionMet')} value={f.percent(o.sla.resolutionMet)} definition={define('slaResolutionMet')} />
        <MetricTile label={t('analytics.slaBreaches')} value={f.count(o.sla.breaches)} definition={define('slaBreaches')} />
        <MetricTile
          label={t('analytics.csatAverage')}
          value={t('analytics.outOfFive', { value: f.decimal(o.csat.average) })}
          detail={t('analytics.responses', { count: o.csat.responses })}
          definition={define('csatAverage')}
        />
        <MetricTile label={t('analytics.csatSatisfied')} value={f.percent(o.csat.satisfiedShare)} definition={define('csatSatisfied')} />
      </dl>
      <VolumeCharts volume={o.volume} filters={props.filters} define={define} />
      <ResponseTimes times={o.responseTimes} filters={props.filters} define={define} />
      <ResolutionCompare resolution={o.resolution} filters={props.filters} define={define} />
      <OtherDefinitions definitions={o.definitions} />
    </div>
  );
}
