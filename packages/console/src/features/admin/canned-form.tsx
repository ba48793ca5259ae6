import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CANNED_VARIABLES, LOCALES } from '@tandem/core';
import type { CannedResponse } from '@tandem/protocol';
import { useSession } from '../session/session-context.tsx';
import { Field } from './field.tsx';
import { FormActions } from './form-actions.tsx';
import { FormAlert } from './form-alert.tsx';
import { useSubmit } from './use-submit.ts';
import { readForm } from './read-form.ts';

const PATHS = ['shortcut', 'locale', 'title', 'body'];

/** Creates a canned response, or edits one (`canned`); the server refuses variables it does not know, on `body`. */
export function CannedForm(props: { canned?: CannedResponse; onSaved: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const { http } = useSession();
  const { saving, problem, submit } = useSubmit();
  const headingId = useId();
  const { canned } = props;
  const languages = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const variables = (
    <>
      {t('admin.cannedVariables')}{' '}
      {CANNED_VARIABLES.map((v) => <code key={v} className="chip" dir="ltr">{`{{${v}}}`}</code>)}
    </>
  );
  return (
    <form
      className="form-grid"
      aria-labelledby={headingId}
      onSubmit={(e) => {
        const { form, text } = readForm(e);
        // The body keeps its spacing: a saved reply's line breaks are part of it.
        const body = { shortcut: text('shortcut'), locale: text('locale'), title: text('title'), body: String(form.get('body') ?? '') };
        void submit(() => (canned ? http.send('PATCH', `/canned-responses/${canned.id}`, body) : http.send('POST', '/canned-responses', body))).then((ok) => ok && props.onSaved());
      }}
    >
      <h2 id={headingId}>{canned ? t('admin.editNamed', { name: `/${canned.shortcut}` }) : t('admin.addCanned')}</h2>
      <Field label={t('admin.shortcut')} path="shortcut" problem={problem} hint={t('admin.shortcutHint')}>
        {(c) => <input {...c} name="shortcut" required maxLength={40} pattern="[a-z0-9][a-z0-9\-]*" defaultValue={canned?.shortcut} dir="ltr" autoComplete="off" />}
      </Field>
      <Field label={t('admin.language')} path="locale" problem={problem}>
        {(c) => (
          <select {...c} name="locale" defaultValue={canned?.locale ?? i18n.language}>
            {LOCALES.map((l) => <option key={l} value={l}>{languages.of(l)}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('admin.title')} path="title" problem={problem}>{(c) => <input {...c} name="title" required maxLength={120} defaultValue={canned?.title} dir="auto" />}</Field>
      <Field label={t('admin.body')} path="body" problem={problem} hint={variables}>
        {(c) => <textarea {...c} name="body" required rows={5} defaultValue={canned?.body} dir="auto" />}
      </Field>
      <FormAlert problem={problem} paths={PATHS} />
      <FormActions saving={saving} label={canned ? t('admin.save') : t('admin.create')} onCancel={props.onCancel} />
    </form>
  );
}
