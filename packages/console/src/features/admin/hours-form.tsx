import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessHours } from '@tandem/protocol';
import { useSession } from '../session/session-context.tsx';
import { Field } from './field.tsx';
import { FormActions } from './form-actions.tsx';
import { FormAlert } from './form-alert.tsx';
import { HolidaysEditor } from './holidays-editor.tsx';
import { saveQueuePolicy, type QueuePolicy } from './queue-policy.ts';
import { useSubmit } from './use-submit.ts';
import { WeekHoursEditor } from './week-hours-editor.tsx';

const TIME_ZONES = Intl.supportedValuesOf('timeZone');
// Where each field shows the server's messages: the week editor shows them per day.
const PATHS = ['hours.timezone', ...Array.from({ length: 7 }, (_, day) => `hours.days.${day}`), 'holidays'];

/** Where set hours start from: this browser's time zone, Monday to Friday, nine to five. */
function officeHours(): BusinessHours {
  const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return { timezone, days: Array.from({ length: 7 }, (_, day) => (day === 0 || day === 6 ? [] : [{ from: '09:00', to: '17:00' }])) };
}

/** A team's working hours and holidays; the rest of its queue policy is saved as loaded. */
export function HoursForm(props: { policy: QueuePolicy; onSaved: () => void }) {
  const { t } = useTranslation();
  const { http } = useSession();
  const { saving, problem, submit } = useSubmit();
  const [hours, setHours] = useState(props.policy.hours);
  const [holidays, setHolidays] = useState(props.policy.holidays);
  const zonesId = useId();
  return (
    <form
      className="form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(() => saveQueuePolicy(http, props.policy, { hours, holidays })).then((ok) => ok && props.onSaved());
      }}
    >
      <label className="check">
        <input type="checkbox" checked={hours === null} onChange={(e) => setHours(e.target.checked ? null : (props.policy.hours ?? officeHours()))} />
        {t('admin.alwaysOpen')}
      </label>
      {hours && (
        <>
          <Field label={t('admin.timezone')} path="hours.timezone" problem={problem} hint={t('admin.timezoneHint')}>
            {(c) => <input {...c} list={zonesId} value={hours.timezone} onChange={(e) => setHours({ ...hours, timezone: e.target.value })} required maxLength={64} dir="ltr" />}
          </Field>
          <datalist id={zonesId}>{TIME_ZONES.map((zone) => <option key={zone} value={zone} />)}</datalist>
          <WeekHoursEditor days={hours.days} onChange={(days) => setHours({ ...hours, days })} problem={problem} />
        </>
      )}
      <HolidaysEditor holidays={holidays} onChange={setHolidays} problem={problem} />
      <FormAlert problem={problem} paths={PATHS} />
      <FormActions saving={saving} label={t('admin.save')} />
    </form>
  );
}
