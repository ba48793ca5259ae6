import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RETENTION_ACTIONS } from '@tandem/core';
import type { PrivacySettings } from '@tandem/protocol';
import { Field } from '../admin/field.tsx';
import { FieldErrors } from '../admin/field-errors.tsx';
import { FormActions } from '../admin/form-actions.tsx';
import { FormAlert } from '../admin/form-alert.tsx';
import { readForm } from '../admin/read-form.ts';
import { useSubmit } from '../admin/use-submit.ts';
import { useSession } from '../session/session-context.tsx';

// The server's bound (protocol RETENTION_DAYS_MAX): about ten years.
const RETENTION_DAYS_MAX = 3650;
const PATHS = ['maskPiiForAgents', 'retentionDays', 'retentionAction'];

/** Masking of personal data for agents, and how long resolved conversations are kept (empty: forever). */
export function PrivacySettingsForm(props: { settings: PrivacySettings; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const { http } = useSession();
  const { saving, problem, submit } = useSubmit();
  const [saved, setSaved] = useState(false);
  const headingId = useId();
  const { settings } = props;
  return (
    <form
      className="form-grid"
      aria-labelledby={headingId}
      onChange={() => setSaved(false)}
      onSubmit={(e) => {
        const { form, text } = readForm(e);
        const days = text('retentionDays');
        const body: PrivacySettings = {
          maskPiiForAgents: form.get('maskPiiForAgents') === 'on',
          retentionDays: days === '' ? null : Number(days),
          retentionAction: text('retentionAction') as PrivacySettings['retentionAction'],
        };
        void submit(() => http.send('PUT', '/privacy/settings', body)).then((ok) => {
          setSaved(ok);
          if (ok) props.onSaved();
        });
      }}
    >
      <h2 id={headingId} className="visually-hidden">{t('admin.privacy')}</h2>
      <p className="field__hint">{t('dataRights.settingsIntro')}</p>
      <label className="check">
        <input type="checkbox" role="switch" name="maskPiiForAgents" defaultChecked={settings.maskPiiForAgents} aria-describedby={`${headingId}-mask`} />
        {t('dataRights.mask')}
      </label>
      <p className="field__hint" id={`${headingId}-mask`}>{t('dataRights.maskHint')}</p>
      <FieldErrors problem={problem} path="maskPiiForAgents" />
      <Field label={t('dataRights.retentionDays')} path="retentionDays" problem={problem} hint={t('dataRights.retentionHint', { max: RETENTION_DAYS_MAX })}>
        {(c) => <input {...c} name="retentionDays" type="number" inputMode="numeric" min={1} max={RETENTION_DAYS_MAX} step={1} defaultValue={settings.retentionDays ?? ''} lang={i18n.language} />}
      </Field>
      <Field label={t('dataRights.retentionAction')} path="retentionAction" problem={problem}>
        {(c) => (
          <select {...c} name="retentionAction" defaultValue={settings.retentionAction}>
            {RETENTION_ACTIONS.map((action) => <option key={action} value={action}>{t(`dataRights.action_${action}`)}</option>)}
          </select>
        )}
      </Field>
      <FormAlert problem={problem} paths={PATHS} />
      <FormActions saving={saving} label={t('dataRights.save')} />
      {saved && <p role="status">{t('dataRights.saved')}</p>}
    </form>
  );
}
