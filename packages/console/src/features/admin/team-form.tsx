import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, Team } from '@tandem/protocol';
import { useSession } from '../session/session-context.tsx';
import { splitCommaList } from './comma-list.ts';
import { Field } from './field.tsx';
import { FormActions } from './form-actions.tsx';
import { FormAlert } from './form-alert.tsx';
import { messagesFor } from './form-problem.ts';
import { useSubmit } from './use-submit.ts';
import { readForm } from './read-form.ts';

/** Creates a team, or edits one (`team`). Every field is sent: PATCH /teams resets the ones left out. */
export function TeamForm(props: { team?: Team; agents: readonly Agent[]; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { http } = useSession();
  const { saving, problem, submit } = useSubmit();
  const headingId = useId();
  const { team } = props;
  const memberErrors = messagesFor(problem, 'agentIds');
  return (
    <form
      className="form-grid"
      aria-labelledby={headingId}
      onSubmit={(e) => {
        const { form, text } = readForm(e);
        const body = { name: text('name'), skills: splitCommaList(text('skills')), agentIds: form.getAll('agentIds').map(String) };
        void submit(() => (team ? http.send('PATCH', `/teams/${team.id}`, body) : http.send('POST', '/teams', body))).then((ok) => ok && props.onSaved());
      }}
    >
      <h2 id={headingId} dir="auto">{team ? t('admin.editNamed', { name: team.name }) : t('admin.addTeam')}</h2>
      <Field label={t('admin.name')} path="name" problem={problem}>{(c) => <input {...c} name="name" required maxLength={120} defaultValue={team?.name} dir="auto" />}</Field>
      <Field label={t('admin.skills')} path="skills" problem={problem} hint={t('admin.skillsHint')}>
        {(c) => <input {...c} name="skills" defaultValue={team?.skills.join(', ')} dir="auto" />}
      </Field>
      <fieldset aria-invalid={memberErrors.length ? true : undefined}>
        <legend>{t('admin.members')}</legend>
        {props.agents.map((a) => (
          <label key={a.id} className="check"><input type="checkbox" name="agentIds" value={a.id} defaultChecked={team?.agentIds.includes(a.id)} /><span dir="auto">{a.name}</span></label>
        ))}
        {memberErrors.length > 0 && <p className="field-error" role="alert">{memberErrors.join(' ')}</p>}
      </fieldset>
      <FormAlert problem={problem} paths={['name', 'skills', 'agentIds']} />
      <FormActions saving={saving} label={team ? t('admin.save') : t('admin.create')} onCancel={props.onCancel} />
    </form>
  );
}
