import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProactiveRule } from '@tandem/protocol';
import { Field } from '../admin/field.tsx';
import { FormActions } from '../admin/form-actions.tsx';
import { FormAlert } from '../admin/form-alert.tsx';
import { useSubmit } from '../admin/use-submit.ts';
import { useSession } from '../session/session-context.tsx';
import { ActionFields } from './action-fields.tsx';
import { AudienceFields } from './audience-fields.tsx';
import { RuleOptionsFields } from './rule-options-fields.tsx';
import { ruleBody, ruleDraft, rulePaths, withTriggerKind, type RuleDraft } from './rule-draft.ts';
import { TriggerFields } from './trigger-fields.tsx';

/** Creates a proactive rule, or edits one (`rule`): the whole rule is sent either way. */
export function RuleForm(props: { rule?: ProactiveRule; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { http } = useSession();
  const { saving, problem, submit } = useSubmit();
  const headingId = useId();
  const { rule } = props;
  const [draft, setDraft] = useState(() => ruleDraft(rule));
  const set = (change: Partial<RuleDraft>) => setDraft((current) => ({ ...current, ...change }));
  return (
    <form
      className="form-grid form-grid--wide"
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        const body = ruleBody(draft);
        void submit(() => (rule ? http.send('PATCH', `/proactive/rules/${rule.id}`, body) : http.send('POST', '/proactive/rules', body))).then((ok) => ok && props.onSaved());
      }}
    >
      <h2 id={headingId} dir="auto">{rule ? t('admin.editNamed', { name: rule.name }) : t('proactive.newRule')}</h2>
      <Field label={t('admin.name')} path="name" problem={problem}>
        {(c) => <input {...c} value={draft.name} onChange={(e) => set({ name: e.target.value })} required maxLength={200} dir="auto" />}
      </Field>
      <label className="check">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
        {t('proactive.ruleEnabled')}
      </label>
      <TriggerFields value={draft.trigger} onChange={(trigger) => set({ trigger })} onKind={(kind) => setDraft((current) => withTriggerKind(current, kind))} problem={problem} />
      <AudienceFields value={draft.audience} onChange={(audience) => set({ audience })} problem={problem} />
      <ActionFields value={draft.action} trigger={draft.trigger.kind} onChange={(action) => set({ action })} problem={problem} />
      <RuleOptionsFields value={draft} onChange={set} problem={problem} />
      <FormAlert problem={problem} paths={rulePaths(draft)} />
      <FormActions saving={saving} label={rule ? t('admin.save') : t('admin.create')} onCancel={props.onCancel} />
    </form>
  );
}
