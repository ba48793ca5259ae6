import { useMemo, useState } from 'react';
import { useSearchParams } from 'wouter';
import type { AnalyticsQuery } from '@tandem/protocol';
import { readFilters, writeFilters } from './analytics-filters.ts';

/** The filters in the URL query, and a setter that rewrites it (so the view can be shared as a link). */
export function useAnalyticsFilters() {
  const [params, setParams] = useSearchParams();
  // "Today" is fixed while the page is open: the default range must not move under the reader.
  const [today] = useState(() => new Date());
  const filters = useMemo(() => readFilters(params, today), [params, today]);
  const search = params.toString();
  const setFilters = (next: AnalyticsQuery) => setParams(writeFilters(next), { replace: true });
  const reset = () => setParams(new URLSearchParams(), { replace: true });
  return { filters, setFilters, reset, search };
}
