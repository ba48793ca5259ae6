import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context.tsx';
import { Field } from './field.tsx';
import { FormActions } from './form-actions.tsx';
import { FormAlert } from './form-alert.tsx';
import type { SlaPolicy } from './sla-policy.ts';
import { useSubmit } from './use-submit.ts';

/** The whole ordered list of SLA policies as JSON: PUT /sla/policies replaces it at once. */
export function SlaJsonForm(props: { policies: readonly SlaPolicy[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const { http } = useSession();
  const { saving, problem, submit, refuse } = useSubmit();
  const [text, setText] = useState(() => JSON.stringify(props.policies, null, 2));
  return (
    <form
      className="form-grid form-grid--wide"
      onSubmit={(e) => {
        e.preventDefault();
        let items: unknown;
        try {
          items = JSON.parse(text);
        } catch (error) {
          refuse({ detail: t('admin.invalidJson'), fields: [{ path: 'items', message: error instanceof Error ? error.message : String(error) }] });
          return;
        }
        void submit(() => http.send('PUT', '/sla/policies', { items })).then((ok) => ok && props.onSaved());
      }}
    >
      <Field label={t('admin.slaJson')} path="items" problem={problem} hint={t('admin.slaJsonHint')}>
        {(c) => <textarea {...c} className="admin-code" value={text} onChange={(e) => setText(e.target.value)} rows={16} dir="ltr" spellCheck={false} />}
      </Field>
      <FormAlert problem={problem} paths={['items']} />
      <FormActions saving={saving} label={t('admin.save')} />
    </form>
  );
}
