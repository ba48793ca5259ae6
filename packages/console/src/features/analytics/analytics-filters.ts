// The dashboard's filters live in the URL query, so a view can be bookmarked and shared.
import { CHANNEL_KINDS, LOCALES } from '@tandem/core';
import type { AnalyticsQuery } from '@tandem/protocol';

export const ANALYTICS_VIEWS = ['overview', 'self-service', 'journeys', 'staffing', 'agents'] as const;
export type AnalyticsView = (typeof ANALYTICS_VIEWS)[number];

/** The optional filters besides the dates, in the order the bar shows them. */
export const FILTER_KEYS = ['channel', 'teamId', 'agentId', 'segment', 'language'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const DEFAULT_DAYS = 28;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const pad = (n: number) => String(n).padStart(2, '0');
/** The calendar day of `date` where the browser is (the API reads days in the workspace's zone). */
export const dayOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

export function isDay(value: string | null): value is string {
  if (!value || !DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The last 28 days, today included. */
export function defaultRange(today: Date): { from: string; to: string } {
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (DEFAULT_DAYS - 1));
  return { from: dayOf(from), to: dayOf(today) };
}

const allowed: Partial<Record<FilterKey, readonly string[]>> = { channel: CHANNEL_KINDS, language: LOCALES };

/** Reads the filters from the query string; missing or malformed dates fall back to the last 28 days. */
export function readFilters(params: URLSearchParams, today: Date): AnalyticsQuery {
  const range = defaultRange(today);
  const from = params.get('from');
  const to = params.get('to');
  const query: Record<string, string> = { from: isDay(from) ? from : range.from, to: isDay(to) ? to : range.to };
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value && (allowed[key]?.includes(value) ?? true)) query[key] = value;
  }
  return query as AnalyticsQuery;
}

/** The query string for `filters`: empty filters are left out. */
export function writeFilters(filters: AnalyticsQuery): URLSearchParams {
  const params = new URLSearchParams({ from: filters.from, to: filters.to });
  for (const key of FILTER_KEYS) if (filters[key]) params.set(key, filters[key]);
  return params;
}

export const isRangeValid = (filters: Pick<AnalyticsQuery, 'from' | 'to'>) => filters.from <= filters.to;
