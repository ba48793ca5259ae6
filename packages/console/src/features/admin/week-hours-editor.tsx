import { useTranslation } from 'react-i18next';
import type { BusinessHours } from '@tandem/protocol';
import { messagesFor, type FormProblem } from './form-problem.ts';

type Week = BusinessHours['days'];
type Interval = Week[number][number];

const MAX_INTERVALS = 4;
const CLOCK = '([01]\\d|2[0-3]):[0-5]\\d|24:00';
// 1 January 2023 was a Sunday, the policy's day 0.
const dateOfDay = (day: number) => new Date(Date.UTC(2023, 0, 1 + day));

/** Open intervals per weekday, local times; 24:00 ends a day that runs to midnight. */
export function WeekHoursEditor(props: { days: Week; onChange: (days: Week) => void; problem: FormProblem | null }) {
  const { t, i18n } = useTranslation();
  const dayName = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' });
  const setDay = (day: number, intervals: Interval[]) => props.onChange(props.days.map((d, i) => (i === day ? intervals : d)));
  return (
    <fieldset>
      <legend>{t('admin.openingHours')}</legend>
      <p className="field__hint">{t('admin.openingHoursHint')}</p>
      {props.days.map((intervals, day) => {
        const name = dayName.format(dateOfDay(day));
        const errors = messagesFor(props.problem, `hours.days.${day}`);
        const edit = (index: number, change: Partial<Interval>) => setDay(day, intervals.map((it, i) => (i === index ? { ...it, ...change } : it)));
        return (
          <div key={day} className="hours-day" role="group" aria-label={name}>
            <span className="hours-day__name">{name}</span>
            {intervals.length === 0 && <span className="field__hint">{t('admin.closed')}</span>}
            {intervals.map((interval, index) => (
              <span key={index} className="admin-row">
                <label className="inline-label">{t('admin.from')}
                  <input value={interval.from} onChange={(e) => edit(index, { from: e.target.value })} required pattern={CLOCK} size={5} inputMode="numeric" placeholder="09:00" dir="ltr" />
                </label>
                <label className="inline-label">{t('admin.to')}
                  <input value={interval.to} onChange={(e) => edit(index, { to: e.target.value })} required pattern={CLOCK} size={5} inputMode="numeric" placeholder="17:00" dir="ltr" />
                </label>
                <button type="button" className="button button--quiet" onClick={() => setDay(day, intervals.filter((_, i) => i !== index))}>{t('admin.remove')}</button>
              </span>
            ))}
            {intervals.length < MAX_INTERVALS && (
              <button type="button" className="button button--quiet" onClick={() => setDay(day, [...intervals, { from: '09:00', to: '17:00' }])}>{t('admin.addInterval')}</button>
            )}
            {errors.length > 0 && <p className="field-error" role="alert">{errors.join(' ')}</p>}
          </div>
        );
      })}
    </fieldset>
  );
}
