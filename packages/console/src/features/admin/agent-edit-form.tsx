import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '@tandem/protocol';
import { useSession } from '../session/session-context.tsx';
import { splitCommaList } from './comma-list.ts';
import { Field } from './field.tsx';
import { FormActions } from './form-actions.tsx';
import { FormAlert } from './form-alert.tsx';
import { RoleSelect } from './role-select.tsx';
import { useSubmit } from './use-submit.ts';
import { readForm } from './read-form.ts';

/** Changes an agent's role and skills; the server decides who may grant which role. */
export function AgentEditForm(props: { agent: Agent; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { http } = useSession();
  const { saving, problem, submit } = useSubmit();
  const headingId = useId();
  const { agent } = props;
  return (
    <form
      className="form-grid"
      aria-labelledby={headingId}
      onSubmit={(e) => {
        const { text } = readForm(e);
        const body = { role: text('role'), skills: splitCommaList(text('skills')) };
        void submit(() => http.send('PATCH', `/agents/${agent.id}`, body)).then((ok) => ok && props.onSaved());
      }}
    >
      <h2 id={headingId} dir="auto">{t('admin.editNamed', { name: agent.name })}</h2>
      <Field label={t('admin.role')} path="role" problem={problem}>{(c) => <RoleSelect {...c} name="role" defaultValue={agent.role} />}</Field>
      <Field label={t('admin.skills')} path="skills" problem={problem} hint={t('admin.skillsHint')}>
        {(c) => <input {...c} name="skills" defaultValue={agent.skills.join(', ')} dir="auto" />}
      </Field>
      <FormAlert problem={problem} paths={['role', 'skills']} />
      <FormActions saving={saving} label={t('admin.save')} onCancel={props.onCancel} />
    </form>
  );
}
