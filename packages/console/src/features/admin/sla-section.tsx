import { useTranslation } from 'react-i18next';
import { SLA_METRICS, type SlaMetric } from '@tandem/core';
import { useResource } from '../../api/use-resource.ts';
import { LoadAlert } from './form-alert.tsx';
import { SlaJsonForm } from './sla-json-form.tsx';
import type { SlaPolicy } from './sla-policy.ts';

const METRIC_LABELS = {
  first_response: 'admin.firstResponse',
  next_response: 'admin.nextResponse',
  resolution: 'admin.resolution',
} as const satisfies Record<SlaMetric, string>;

/** Business seconds in the largest unit that divides them exactly: 3600 → "1 hr", 90 → "90 sec". */
function formatSeconds(seconds: number, locale: string): string {
  const [unit, size] = seconds % 3600 === 0 ? ['hour', 3600] as const : seconds % 60 === 0 ? ['minute', 60] as const : ['second', 1] as const;
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(seconds / size);
}

export function SlaSection() {
  const { t, i18n } = useTranslation();
  const policies = useResource<{ items: SlaPolicy[] }>('/sla/policies');
  const items = policies.data?.items;
  const every = t('admin.every');
  return (
    <section className="admin-section">
      <p className="field__hint">{t('admin.slaOrder')}</p>
      <LoadAlert error={policies.error} />
      <table className="table">
        <thead>
          <tr>
            <th>{t('admin.name')}</th><th>{t('admin.priorities')}</th><th>{t('admin.channels')}</th><th>{t('admin.segments')}</th>
            {SLA_METRICS.map((m) => <th key={m}>{t(METRIC_LABELS[m])}</th>)}
          </tr>
        </thead>
        <tbody>
          {items?.map((p) => (
            <tr key={p.key}>
              <td dir="auto">{p.name} <code dir="ltr">{p.key}</code></td>
              <td>{p.priorities.map((x) => t(`priority.${x}`)).join(', ') || every}</td>
              <td>{p.channels.map((x) => t(`channel.${x}`)).join(', ') || every}</td>
              <td dir="auto">{p.segments.join(', ') || every}</td>
              {SLA_METRICS.map((m) => <td key={m}>{p.targets[m] === undefined ? '—' : formatSeconds(p.targets[m], i18n.language)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      {items && <SlaJsonForm key={JSON.stringify(items)} policies={items} onSaved={policies.reload} />}
    </section>
  );
}
