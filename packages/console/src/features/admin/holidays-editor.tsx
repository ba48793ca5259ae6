import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messagesFor, type FormProblem } from './form-problem.ts';

/** Whole days closed, as local dates (YYYY-MM-DD), kept sorted. */
export function HolidaysEditor(props: { holidays: readonly string[]; onChange: (holidays: string[]) => void; problem: FormProblem | null }) {
  const { t, i18n } = useTranslation();
  const [date, setDate] = useState('');
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeZone: 'UTC' });
  const errors = messagesFor(props.problem, 'holidays');
  return (
    <fieldset>
      <legend>{t('admin.holidays')}</legend>
      {props.holidays.length === 0 && <p className="field__hint">{t('admin.noHolidays')}</p>}
      <ul className="admin-list">
        {props.holidays.map((day) => {
          const label = format.format(new Date(`${day}T00:00:00Z`));
          return (
            <li key={day}>
              <time dateTime={day}>{label}</time>{' '}
              <button type="button" className="button button--quiet" aria-label={t('admin.removeNamed', { name: label })} onClick={() => props.onChange(props.holidays.filter((d) => d !== day))}>{t('admin.remove')}</button>
            </li>
          );
        })}
      </ul>
      <div className="admin-row">
        <label className="inline-label">{t('admin.holidayDate')}<input type="date" value={date} onChange={(e) => setDate(e.target.value)} /></label>
        <button
          type="button"
          className="button"
          disabled={!date || props.holidays.includes(date)}
          onClick={() => {
            props.onChange([...props.holidays, date].sort());
            setDate('');
          }}
        >
          {t('admin.addHoliday')}
        </button>
      </div>
      {errors.length > 0 && <p className="field-error" role="alert">{errors.join(' ')}</p>}
    </fieldset>
  );
}
