import { useTranslation } from 'react-i18next';
import { Field } from '../admin/field.tsx';
import type { FormProblem } from '../admin/form-problem.ts';
import type { BroadcastDraft } from './broadcast-draft.ts';

type Schedule = Pick<BroadcastDraft, 'sendLater' | 'scheduledAt' | 'ratePerMinute'>;

/** Now or at a set time (in the agent's own time zone), and how fast it goes out. */
export function ScheduleFields(props: { value: Schedule; onChange: (change: Partial<Schedule>) => void; problem: FormProblem | null }) {
  const { t } = useTranslation();
  const { value, problem } = props;
  return (
    <fieldset>
      <legend>{t('broadcast.schedule')}</legend>
      <div className="broadcast-choices">
        <label className="check">
          <input type="radio" name="when" checked={!value.sendLater} onChange={() => props.onChange({ sendLater: false })} />
          {t('broadcast.now')}
        </label>
        <label className="check">
          <input type="radio" name="when" checked={value.sendLater} onChange={() => props.onChange({ sendLater: true })} />
          {t('broadcast.later')}
        </label>
      </div>
      {value.sendLater && (
        <Field label={t('broadcast.sendAt')} path="scheduledAt" problem={problem}>
          {(c) => <input {...c} type="datetime-local" value={value.scheduledAt} onChange={(e) => props.onChange({ scheduledAt: e.target.value })} required />}
        </Field>
      )}
      <Field label={t('broadcast.ratePerMinute')} path="ratePerMinute" problem={problem} hint={t('broadcast.rateHint')}>
        {(c) => <input {...c} type="number" inputMode="numeric" min={1} max={100_000} step={1} required value={value.ratePerMinute} onChange={(e) => props.onChange({ ratePerMinute: e.target.value })} />}
      </Field>
    </fieldset>
  );
}
