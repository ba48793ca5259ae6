import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context.tsx';
import { Field } from './field.tsx';
import { FormActions } from './form-actions.tsx';
import { FormAlert } from './form-alert.tsx';
import { readForm } from './read-form.ts';
import { useSubmit } from './use-submit.ts';

// The part of WorkspaceSettings (OpenAPI: CsatSettings) this form edits.
export interface CsatSettings {
  enabled: boolean;
  delayMinutes: number;
}

const MAX_DELAY_MINUTES = 10_080;
const PATHS = ['settings.csat.enabled', 'settings.csat.delayMinutes'];

/** Whether a satisfaction survey follows a resolved conversation, and how long after. */
export function CsatSettingsForm(props: { csat: CsatSettings; onSaved: () => void }) {
  const { t } = useTranslation();
  const { http } = useSession();
  const { saving, problem, submit } = useSubmit();
  const headingId = useId();
  return (
    <form
      className="form-grid"
      aria-labelledby={headingId}
      onSubmit={(e) => {
        const { form, text } = readForm(e);
        const csat = { enabled: form.get('enabled') === 'on', delayMinutes: Number(text('delay')) };
        void submit(() => http.send('PATCH', '/workspace', { settings: { csat } })).then((ok) => ok && props.onSaved());
      }}
    >
      <h2 id={headingId}>{t('admin.csat')}</h2>
      <label className="check">
        <input type="checkbox" name="enabled" defaultChecked={props.csat.enabled} />
        {t('admin.csatEnabled')}
      </label>
      <Field label={t('admin.csatDelay')} path="settings.csat.delayMinutes" problem={problem} hint={t('admin.csatDelayHint', { max: MAX_DELAY_MINUTES })}>
        {(c) => <input {...c} name="delay" type="number" inputMode="numeric" min={0} max={MAX_DELAY_MINUTES} step={1} required defaultValue={props.csat.delayMinutes} />}
      </Field>
      <FormAlert problem={problem} paths={PATHS} />
      <FormActions saving={saving} label={t('admin.save')} />
    </form>
  );
}
