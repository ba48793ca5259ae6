import { useTranslation } from 'react-i18next';
import type { AnalyticsQuery, SelfService } from '@tandem/protocol';
import { ChartCard } from './chart-card.tsx';
import { useDefine } from './definitions.ts';
import { MetricTile, OtherDefinitions } from './metric-tile.tsx';
import { csvName, useAnalytics } from './use-analytics.ts';
import { useFormats } from './use-formats.ts';
import { ViewState } from './view-state.tsx';

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** The help center, guides and the bot: what customers solved without a person, and what they could not find. */
export function SelfServiceSection(props: { filters: AnalyticsQuery }) {
  const { t } = useTranslation();
  const result = useAnalytics<SelfService>('self-service', props.filters);
  const define = useDefine(result.data?.definitions);
  const f = useFormats();
  const s = result.data;
  if (!s) return <ViewState error={result.error} />;
  const count = { numeric: true, format: (v: unknown) => f.count(v as number) };
  const percent = { numeric: true, format: (v: unknown) => f.percent(v as number | null) };
  const { helpCenter, selfServiceRate, botContainment } = s;
  return (
    <div className="analytics-view">
      <dl className="metrics">
        <MetricTile label={t('analytics.selfServiceRate')} value={f.percent(selfServiceRate.rate)} detail={t('analytics.ofSessions', { part: f.count(selfServiceRate.resolved), whole: f.count(selfServiceRate.sessions) })} definition={define('selfServiceRate')} />
        <MetricTile label={t('analytics.botContainment')} value={f.percent(botContainment.rate)} detail={t('analytics.ofBotConversations', { part: f.count(botContainment.contained), whole: f.count(botContainment.botConversations) })} definition={define('botContainment')} />
        <MetricTile label={t('analytics.articleViews')} value={f.count(helpCenter.articleViews)} definition={define('articleViews')} />
        <MetricTile label={t('analytics.searches')} value={f.count(helpCenter.searches)} definition={define('searches')} />
        <MetricTile label={t('analytics.zeroResultSearches')} value={f.count(helpCenter.zeroResultSearches)} detail={f.percent(share(helpCenter.zeroResultSearches, helpCenter.searches))} definition={define('zeroResultShare')} />
      </dl>
      <div className="chart-grid">
        <ChartCard
          title={t('analytics.topZeroResultQueries')}
          filename={csvName('zero-result-queries', props.filters)}
          definition={define('zeroResultSearches')}
          data={{ columns: [{ label: t('analytics.query') }, { label: t('analytics.searches'), ...count }], rows: s.topZeroResultQueries.map((q) => [q.query, q.count]) }}
        />
        <ChartCard
          title={t('analytics.guides')}
          filename={csvName('guides', props.filters)}
          definition={define('guideCompletion')}
          data={{
            columns: [{ label: t('analytics.guide') }, { label: t('analytics.started'), ...count }, { label: t('analytics.completed'), ...count }, { label: t('analytics.completionRate'), ...percent }],
            rows: s.guides.map((g) => [g.title, g.started, g.completed, share(g.completed, g.started)]),
          }}
        />
      </div>
      <ChartCard
        title={t('analytics.articles')}
        filename={csvName('articles', props.filters)}
        definition={define('articleHelpfulness')}
        notes={<p className="definition">{define('followedByConversation')}</p>}
        data={{
          columns: [
            { label: t('analytics.article') }, { label: t('analytics.viewCount'), ...count }, { label: t('analytics.helpful'), ...count },
            { label: t('analytics.notHelpful'), ...count }, { label: t('analytics.helpfulShare'), ...percent }, { label: t('analytics.followedByConversation'), ...count },
          ],
          rows: s.articles.map((a) => [a.title, a.views, a.helpful, a.notHelpful, share(a.helpful, a.helpful + a.notHelpful), a.followedByConversation]),
        }}
      />
      <OtherDefinitions definitions={s.definitions} />
    </div>
  );
}
