import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type { AnalyticsQuery } from '@tandem/protocol';
import { ANALYTICS_CATALOGS } from '../../i18n/analytics.catalog.ts';
import { addCatalogs } from '../../i18n/console-i18n.ts';
import { TopBar } from '../layout/top-bar.tsx';
import { isAdmin, useSession } from '../session/session-context.tsx';
import { AgentsSection } from './agents-section.tsx';
import { AnalyticsFilterBar } from './analytics-filter-bar.tsx';
import { ANALYTICS_VIEWS, isRangeValid, type AnalyticsView } from './analytics-filters.ts';
import { JourneysSection } from './journeys-section.tsx';
import { OverviewSection } from './overview-section.tsx';
import { SelfServiceSection } from './self-service-section.tsx';
import { StaffingSection } from './staffing-section.tsx';
import { useAnalyticsFilters } from './use-analytics-filters.ts';
import './analytics.css';

const SECTIONS: Record<AnalyticsView, ComponentType<{ filters: AnalyticsQuery }>> = {
  overview: OverviewSection,
  'self-service': SelfServiceSection,
  journeys: JourneysSection,
  staffing: StaffingSection,
  agents: AgentsSection,
};

const isView = (value: string | undefined): value is AnalyticsView => (ANALYTICS_VIEWS as readonly (string | undefined)[]).includes(value);

/**
 * The dashboard for admins and owners (the API refuses agents too). One view loads at a time,
 * and the view and filters are in the URL: /analytics/journeys?from=…&to=…&channel=email.
 */
export function AnalyticsPage() {
  const { t, i18n } = useTranslation();
  addCatalogs(i18n, ANALYTICS_CATALOGS);
  const { session } = useSession();
  const params = useParams<{ view?: string }>();
  const { filters, setFilters, reset, search } = useAnalyticsFilters();
  if (!isAdmin(session)) {
    return (
      <div className="console">
        <TopBar />
        <p className="notice" role="alert">{t('analytics.forbidden')}</p>
      </div>
    );
  }
  const view = isView(params.view) ? params.view : 'overview';
  const Section = SECTIONS[view];
  const query = search ? `?${search}` : '';
  return (
    <div className="console">
      <TopBar />
      <main className="analytics" aria-labelledby="analytics-title" dir={i18n.dir()}>
        <h1 id="analytics-title">{t('analytics.title')}</h1>
        <AnalyticsFilterBar filters={filters} onChange={setFilters} onReset={reset} />
        <nav className="analytics__views" aria-label={t('analytics.sections')}>
          {ANALYTICS_VIEWS.map((v) => (
            <Link key={v} href={`/analytics/${v}${query}`} aria-current={v === view ? 'page' : undefined} className="nav-item">{t(`analyticsView.${v}`)}</Link>
          ))}
        </nav>
        <h2 className="visually-hidden">{t(`analyticsView.${view}`)}</h2>
        {isRangeValid(filters) && <Section filters={filters} />}
      </main>
    </div>
  );
}
