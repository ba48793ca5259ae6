import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staffing } from '@tandem/protocol';
import { useFormats } from './use-formats.ts';

type Interval = Staffing['intervals'][number];

// The first day of the week where each language is spoken: Sunday (en-US), Monday (vi), Saturday (fa).
const WEEK_START: Record<string, number> = { en: 0, vi: 1, fa: 6 };

/** Half-hour rows from the first to the last one with any arrivals: a quiet night is not 20 empty rows. */
export function busySlots(intervals: readonly Interval[]): number[] {
  const busy = intervals.filter((i) => i.arrivals > 0 || i.agentsNeeded > 0).map((i) => i.slot);
  if (busy.length === 0) return [];
  const first = Math.min(...busy);
  return Array.from({ length: Math.max(...busy) - first + 1 }, (_, n) => first + n);
}

/** Weekdays across, half hours down; each cell shows the agents needed, with the arrivals under them, shaded by need. */
export function StaffingHeatTable(props: { intervals: readonly Interval[] }) {
  const { t, i18n } = useTranslation();
  const f = useFormats();
  const start = WEEK_START[i18n.language] ?? 0;
  const weekdays = Array.from({ length: 7 }, (_, n) => (start + n) % 7);
  const cell = new Map(props.intervals.map((i) => [`${i.weekday}:${i.slot}`, i]));
  const most = Math.max(1, ...props.intervals.map((i) => i.agentsNeeded));
  const slots = busySlots(props.intervals);
  if (slots.length === 0) return <p>{t('analytics.noData')}</p>;
  return (
    <div className="heat" dir={i18n.dir()}>
      <p className="heat__legend">{t('analytics.heatLegend')}</p>
      <table className="heat__table">
        <caption className="visually-hidden">{t('analytics.staffing')}</caption>
        <thead>
          <tr><th scope="col">{t('analytics.time')}</th>{weekdays.map((d) => <th key={d} scope="col">{f.weekday(d)}</th>)}</tr>
        </thead>
        <tbody>
          {slots.map((slot) => (
            <tr key={slot}>
              <th scope="row">{f.slot(slot)}</th>
              {weekdays.map((d) => {
                const i = cell.get(`${d}:${slot}`);
                const need = i?.agentsNeeded ?? 0;
                const label = t('analytics.heatCell', { agents: f.count(need), arrivals: f.decimal(i?.arrivals ?? 0) });
                return (
                  <td key={d} style={{ '--heat': need / most } as CSSProperties} title={label}>
                    <span aria-hidden="true">
                      <span className="heat__need">{f.count(need)}</span>
                      <span className="heat__arrivals">{t('analytics.heatArrivals', { arrivals: f.decimal(i?.arrivals ?? 0) })}</span>
                    </span>
                    <span className="visually-hidden">{label}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
