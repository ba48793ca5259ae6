import type { AnalyticsQuery } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';

/** One analytics view for the filters (GET /analytics/<view>); null filters load nothing. */
export function useAnalytics<T>(view: 'overview' | 'self-service' | 'journeys' | 'staffing' | 'agents', filters: AnalyticsQuery | null) {
  return useResource<T>(filters ? `/analytics/${view}` : null, filters ?? undefined);
}

/** The CSV file name: what it holds and the days it covers. */
export const csvName = (what: string, filters: AnalyticsQuery) => `${what}_${filters.from}_${filters.to}`;
