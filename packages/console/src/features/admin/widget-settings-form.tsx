import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '@tandem/core';
import type { WidgetAppearance } from '@tandem/protocol';
import { useSession } from '../session/session-context.tsx';
import { Field } from './field.tsx';
import { FormActions } from './form-actions.tsx';
import { FormAlert } from './form-alert.tsx';
import { useSubmit } from './use-submit.ts';
import { readForm } from './read-form.ts';

export interface WidgetSettings {
  widget: WidgetAppearance;
  widgetOrigins: string[];
}

const PATHS = ['settings.widget.color', 'settings.widget.position', ...LOCALES.map((l) => `settings.widget.greeting.${l}`), 'settings.widgetOrigins'];

/** The web widget's look, its greeting per language, and the sites allowed to embed it. */
export function WidgetSettingsForm(props: { settings: WidgetSettings; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const { http } = useSession();
  const { saving, problem, submit } = useSubmit();
  const headingId = useId();
  const { widget, widgetOrigins } = props.settings;
  const languages = new Intl.DisplayNames([i18n.language], { type: 'language' });
  return (
    <form
      className="form-grid"
      aria-labelledby={headingId}
      onSubmit={(e) => {
        const { text } = readForm(e);
        // A language without a greeting is left out: the widget then greets in English.
        const greeting = Object.fromEntries(LOCALES.map((l) => [l, text(`greeting-${l}`)]).filter(([, g]) => g));
        const settings = { widget: { color: text('color'), position: text('position'), greeting }, widgetOrigins: text('origins').split(/\s+/).filter(Boolean) };
        void submit(() => http.send('PATCH', '/workspace', { settings })).then((ok) => ok && props.onSaved());
      }}
    >
      <h2 id={headingId}>{t('admin.widget')}</h2>
      <Field label={t('admin.widgetColor')} path="settings.widget.color" problem={problem}>{(c) => <input {...c} name="color" type="color" defaultValue={widget.color} />}</Field>
      <Field label={t('admin.widgetPosition')} path="settings.widget.position" problem={problem}>
        {(c) => (
          <select {...c} name="position" defaultValue={widget.position}>
            <option value="right">{t('admin.positionRight')}</option>
            <option value="left">{t('admin.positionLeft')}</option>
          </select>
        )}
      </Field>
      {LOCALES.map((locale) => (
        <Field key={locale} label={t('admin.greetingIn', { language: languages.of(locale) })} path={`settings.widget.greeting.${locale}`} problem={problem}>
          {(c) => <textarea {...c} name={`greeting-${locale}`} lang={locale} dir="auto" rows={2} maxLength={300} defaultValue={widget.greeting[locale]} />}
        </Field>
      ))}
      <Field label={t('admin.widgetOrigins')} path="settings.widgetOrigins" problem={problem} hint={t('admin.widgetOriginsHint')}>
        {(c) => <textarea {...c} name="origins" dir="ltr" rows={3} defaultValue={widgetOrigins.join('\n')} />}
      </Field>
      <FormAlert problem={problem} paths={PATHS} />
      <FormActions saving={saving} label={t('admin.save')} />
    </form>
  );
}
