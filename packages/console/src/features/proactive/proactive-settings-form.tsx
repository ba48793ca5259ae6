import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProactiveSettings } from '@tandem/protocol';
import { splitCommaList } from '../admin/comma-list.ts';
import { Field } from '../admin/field.tsx';
import { FormActions } from '../admin/form-actions.tsx';
import { FormAlert } from '../admin/form-alert.tsx';
import { readForm } from '../admin/read-form.ts';
import { useSubmit } from '../admin/use-submit.ts';
import { useSession } from '../session/session-context.tsx';

// The checkbox has no message of its own: one about it shows above the button.
const PATHS = ['perSession', 'perWeek', 'purchaseUrlPatterns'];

/** The workspace's limits, above every rule: how often a visitor may be approached, and never while buying. */
export function ProactiveSettingsForm(props: { settings: ProactiveSettings; onSaved: () => void }) {
  const { t } = useTranslation();
  const { http } = useSession();
  const { saving, problem, submit } = useSubmit();
  const headingId = useId();
  const { settings } = props;
  return (
    <form
      className="form-grid"
      aria-labelledby={headingId}
      onSubmit={(e) => {
        const { form, text } = readForm(e);
        const body: ProactiveSettings = {
          perSession: Number(text('perSession')),
          perWeek: Number(text('perWeek')),
          requireConsent: form.get('requireConsent') === 'on',
          purchaseUrlPatterns: splitCommaList(text('purchaseUrlPatterns')),
        };
        void submit(() => http.send('PUT', '/proactive/settings', body)).then((ok) => ok && props.onSaved());
      }}
    >
      <h2 id={headingId}>{t('proactive.settings')}</h2>
      <p className="field__hint">{t('proactive.settingsHint')}</p>
      <Field label={t('proactive.perSession')} path="perSession" problem={problem}>
        {(c) => <input {...c} name="perSession" type="number" inputMode="numeric" min={0} max={10} step={1} required defaultValue={settings.perSession} />}
      </Field>
      <Field label={t('proactive.perWeek')} path="perWeek" problem={problem}>
        {(c) => <input {...c} name="perWeek" type="number" inputMode="numeric" min={0} max={50} step={1} required defaultValue={settings.perWeek} />}
      </Field>
      <label className="check">
        <input type="checkbox" name="requireConsent" defaultChecked={settings.requireConsent} />
        {t('proactive.requireConsent')}
      </label>
      <Field label={t('proactive.purchasePages')} path="purchaseUrlPatterns" problem={problem} hint={t('proactive.purchasePagesHint')}>
        {(c) => <input {...c} name="purchaseUrlPatterns" defaultValue={settings.purchaseUrlPatterns.join(', ')} dir="ltr" autoComplete="off" spellCheck={false} />}
      </Field>
      <FormAlert problem={problem} paths={PATHS} />
      <FormActions saving={saving} label={t('admin.save')} />
    </form>
  );
}
