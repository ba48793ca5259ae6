import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNEL_KINDS, LOCALES } from '@tandem/core';
import type { AnalyticsQuery } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { useDirectory } from '../../live/directory.ts';
import { localizedText } from '../admin/localized-text.ts';
import { isDay, isRangeValid, type FilterKey } from './analytics-filters.ts';

interface Option {
  value: string;
  label: string;
}

function Choice(props: { label: string; value: string | undefined; options: readonly Option[]; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <label className="analytics-filters__field">
      <span>{props.label}</span>
      <select value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{t('analytics.all')}</option>
        {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
}

/** Dates, channel, team, agent, segment and language; each change rewrites the URL query. */
export function AnalyticsFilterBar(props: { filters: AnalyticsQuery; onChange: (filters: AnalyticsQuery) => void; onReset: () => void }) {
  const { t, i18n } = useTranslation();
  const { filters } = props;
  const teams = useDirectory('teams');
  const agents = useDirectory('agents');
  // Segments are optional: a workspace without them (or a server without the route) just has no such filter.
  const segments = useResource<{ items: { key: string; name: Record<string, string> }[] }>('/segments').data?.items ?? [];
  const languages = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const set = (key: FilterKey | 'from' | 'to', value: string) => props.onChange({ ...props.filters, [key]: value || undefined });
  const setDay = (key: 'from' | 'to', value: string) => isDay(value) && set(key, value);
  const valid = isRangeValid(filters);
  const errorId = useId();
  return (
    <form className="analytics-filters" aria-label={t('analytics.filters')} onSubmit={(e) => e.preventDefault()}>
      <label className="analytics-filters__field">
        <span>{t('analytics.fromDay')}</span>
        <input type="date" value={filters.from} max={filters.to} onChange={(e) => setDay('from', e.target.value)} aria-invalid={valid ? undefined : true} aria-describedby={valid ? undefined : errorId} />
      </label>
      <label className="analytics-filters__field">
        <span>{t('analytics.toDay')}</span>
        <input type="date" value={filters.to} min={filters.from} onChange={(e) => setDay('to', e.target.value)} />
      </label>
      <Choice label={t('analytics.channel')} value={filters.channel} options={CHANNEL_KINDS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} onChange={(v) => set('channel', v)} />
      <Choice label={t('analytics.team')} value={filters.teamId} options={teams.map((team) => ({ value: team.id, label: team.name }))} onChange={(v) => set('teamId', v)} />
      <Choice label={t('analytics.agent')} value={filters.agentId} options={agents.map((a) => ({ value: a.id, label: a.name }))} onChange={(v) => set('agentId', v)} />
      {(segments.length > 0 || filters.segment) && (
        <Choice label={t('analytics.segment')} value={filters.segment} options={segments.map((s) => ({ value: s.key, label: localizedText(s.name, i18n.language) || s.key }))} onChange={(v) => set('segment', v)} />
      )}
      <Choice label={t('analytics.language')} value={filters.language} options={LOCALES.map((l) => ({ value: l, label: languages.of(l) ?? l }))} onChange={(v) => set('language', v)} />
      <button type="button" className="button button--quiet" onClick={props.onReset}>{t('analytics.reset')}</button>
      {!valid && <p className="field-error" id={errorId} role="alert">{t('analytics.badRange')}</p>}
    </form>
  );
}
