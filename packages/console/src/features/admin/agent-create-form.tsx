import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context.tsx';
import { splitCommaList } from './comma-list.ts';
import { Field } from './field.tsx';
import { FormActions } from './form-actions.tsx';
import { FormAlert } from './form-alert.tsx';
import { RoleSelect } from './role-select.tsx';
import { useSubmit } from './use-submit.ts';
import { readForm } from './read-form.ts';

const PATHS = ['name', 'email', 'role', 'password', 'skills'];

/** A new agent signs in with this email and password; skills steer routing. */
export function AgentCreateForm(props: { onSaved: () => void; onCancel: () => void }) {
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
        const body = { name: text('name'), email: text('email'), role: text('role'), password: String(form.get('password') ?? ''), skills: splitCommaList(text('skills')) };
        void submit(() => http.send('POST', '/agents', body)).then((ok) => ok && props.onSaved());
      }}
    >
      <h2 id={headingId}>{t('admin.addAgent')}</h2>
      <Field label={t('admin.name')} path="name" problem={problem}>{(c) => <input {...c} name="name" required maxLength={120} dir="auto" autoComplete="off" />}</Field>
      <Field label={t('admin.email')} path="email" problem={problem}>{(c) => <input {...c} name="email" type="email" required maxLength={254} dir="ltr" autoComplete="off" />}</Field>
      <Field label={t('admin.role')} path="role" problem={problem}>{(c) => <RoleSelect {...c} name="role" defaultValue="agent" />}</Field>
      <Field label={t('admin.password')} path="password" problem={problem} hint={t('admin.passwordHint')}>
        {(c) => <input {...c} name="password" type="password" required minLength={12} maxLength={256} dir="ltr" autoComplete="new-password" />}
      </Field>
      <Field label={t('admin.skills')} path="skills" problem={problem} hint={t('admin.skillsHint')}>{(c) => <input {...c} name="skills" dir="auto" />}</Field>
      <FormAlert problem={problem} paths={PATHS} />
      <FormActions saving={saving} label={t('admin.create')} onCancel={props.onCancel} />
    </form>
  );
}
