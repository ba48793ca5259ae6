import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '@tandem/core';
import { useResource } from '../../api/use-resource.ts';
import { FILTER_CHOICES, SORTS, emptyFilter, isEmptyFilter, type Filter, type Sort } from './views.ts';

interface FilterBarProps {
  sort: Sort;
  onSort: (sort: Sort) => void;
  filter: Filter;
  /** Absent for a saved filter, which is shown but not edited here. */
  onFilter: ((filter: Filter) => void) | undefined;
  total: number;
}

type Field = keyof Filter;

export function FilterBar(props: FilterBarProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  // Read when the panel opens: the first load of the inbox does not wait for it.
  const labels = useResource<{ items: { label: string }[] }>(open && props.onFilter ? '/labels' : null).data?.items ?? [];
  const segments = useResource<{ items: { key: string; name: Partial<Record<string, string>> }[] }>(open && props.onFilter ? '/segments' : null).data?.items ?? [];
  const choices: Record<Field, readonly string[]> = { ...FILTER_CHOICES, languages: LOCALES, labels: labels.map((l) => l.label), segments: segments.map((s) => s.key) };

  const toggle = (field: Field, value: string) => {
    const list = props.filter[field] as string[];
    const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
    props.onFilter?.({ ...props.filter, [field]: next });
  };
  const optionLabel = (field: Field, value: string) => {
    if (field === 'labels') return value;
    if (field === 'segments') {
      // A segment's name is given per language: the agent's, else English, else its key.
      const name = segments.find((s) => s.key === value)?.name;
      return name?.[i18n.language] ?? name?.en ?? value;
    }
    if (field === 'languages') return new Intl.DisplayNames([i18n.language], { type: 'language' }).of(value) ?? value;
    const prefix = { statuses: 'status', channels: 'channel', priorities: 'priority', sla: 'slaState' }[field];
    return t(`${prefix}.${value}`);
  };

  return (
    <div className="filter-bar">
      <label>
        <span className="visually-hidden">{t('inbox.sortBy')}</span>
        <select value={props.sort} onChange={(e) => props.onSort(e.target.value as Sort)} data-testid="sort">
          {SORTS.map((s) => <option key={s} value={s}>{t(`sort.${s}`)}</option>)}
        </select>
      </label>
      <details className="filter-bar__filters" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('inbox.filter')}{isEmptyFilter(props.filter) ? '' : ' •'}</summary>
        <div className="filter-bar__panel">
          {(Object.keys(choices) as Field[]).map((field) => (
            <fieldset key={field} disabled={!props.onFilter}>
              <legend>{t(`filter.${field}`)}</legend>
              {choices[field].map((value) => (
                <label key={value} className="check">
                  <input type="checkbox" checked={(props.filter[field] as string[]).includes(value)} onChange={() => toggle(field, value)} />
                  {optionLabel(field, value)}
                </label>
              ))}
            </fieldset>
          ))}
          {props.onFilter && <button type="button" className="button button--quiet" onClick={() => props.onFilter?.(emptyFilter)}>{t('inbox.clearFilter')}</button>}
        </div>
      </details>
      <span className="filter-bar__total">{t('inbox.total', { count: props.total })}</span>
    </div>
  );
}
