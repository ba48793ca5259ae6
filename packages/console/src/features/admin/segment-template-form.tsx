import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context.tsx';
import { Field } from './field.tsx';
import { FormActions } from './form-actions.tsx';
import { FormAlert } from './form-alert.tsx';
import { localizedText } from './localized-text.ts';
import type { SegmentTemplate } from './segment.ts';
import { useSubmit } from './use-submit.ts';

/** Copies a template into the workspace under a key (PUT creates the segment, or replaces one with that key). */
export function SegmentTemplateForm(props: { templates: readonly SegmentTemplate[]; onSaved: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const { http } = useSession();
  const { saving, problem, submit } = useSubmit();
  const headingId = useId();
  const [chosen, setChosen] = useState(props.templates[0]);
  const [key, setKey] = useState(chosen?.key ?? '');
  if (!chosen) return <p className="notice">{t('admin.noTemplates')}</p>;
  return (
    <form
      className="form-grid"
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        const body = { name: chosen.name, rule: chosen.rule, strategy: chosen.strategy, priority: chosen.priority };
        void submit(() => http.send('PUT', `/segments/${encodeURIComponent(key)}`, body)).then((ok) => ok && props.onSaved());
      }}
    >
      <h2 id={headingId}>{t('admin.addSegment')}</h2>
      <Field label={t('admin.template')} path="template" problem={problem} hint={localizedText(chosen.description, i18n.language)}>
        {(c) => (
          <select
            {...c}
            value={chosen.key}
            onChange={(e) => {
              const next = props.templates.find((tpl) => tpl.key === e.target.value) ?? chosen;
              setChosen(next);
              setKey(next.key);
            }}
          >
            {props.templates.map((tpl) => <option key={tpl.key} value={tpl.key}>{localizedText(tpl.name, i18n.language)}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('admin.key')} path="key" problem={problem} hint={t('admin.segmentKeyHint')}>
        {(c) => <input {...c} value={key} onChange={(e) => setKey(e.target.value)} required maxLength={60} pattern="[a-z0-9]+([_\-][a-z0-9]+)*" dir="ltr" />}
      </Field>
      <FormAlert problem={problem} paths={['key']} />
      <FormActions saving={saving} label={t('admin.create')} onCancel={props.onCancel} />
    </form>
  );
}
