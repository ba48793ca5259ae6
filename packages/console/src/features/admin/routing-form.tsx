import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_METHODS, type AssignmentMethod } from '@tandem/core';
import { useSession } from '../session/session-context.tsx';
import { splitCommaList } from './comma-list.ts';
import { Field } from './field.tsx';
import { FormActions } from './form-actions.tsx';
import { FormAlert } from './form-alert.tsx';
import { saveQueuePolicy, type QueuePolicy } from './queue-policy.ts';
import { useSubmit } from './use-submit.ts';
import { readForm } from './read-form.ts';

const METHOD_LABELS = {
  'least-loaded': 'admin.methodLeastLoaded',
  'round-robin': 'admin.methodRoundRobin',
  manual: 'admin.methodManual',
} as const satisfies Record<AssignmentMethod, string>;

const PATHS = ['method', 'requiredSkills', 'optionalSkills', 'stickyWindowSeconds', 'reassignAfterSeconds'];

/** How a team's queue hands out conversations; overflow, capacity, hours and holidays are saved as loaded. */
export function RoutingForm(props: { policy: QueuePolicy; onSaved: () => void }) {
  const { t } = useTranslation();
  const { http } = useSession();
  const { saving, problem, submit } = useSubmit();
  const { policy } = props;
  return (
    <form
      className="form-grid"
      onSubmit={(e) => {
        const { text } = readForm(e);
        const change = {
          method: text('method') as AssignmentMethod,
          requiredSkills: splitCommaList(text('requiredSkills')),
          optionalSkills: splitCommaList(text('optionalSkills')),
          stickyWindowSeconds: Number(text('stickyWindowSeconds')),
          reassignAfterSeconds: Number(text('reassignAfterSeconds')),
        };
        void submit(() => saveQueuePolicy(http, policy, change)).then((ok) => ok && props.onSaved());
      }}
    >
      <Field label={t('admin.method')} path="method" problem={problem}>
        {(c) => <select {...c} name="method" defaultValue={policy.method}>{ASSIGNMENT_METHODS.map((m) => <option key={m} value={m}>{t(METHOD_LABELS[m])}</option>)}</select>}
      </Field>
      <Field label={t('admin.requiredSkills')} path="requiredSkills" problem={problem} hint={t('admin.requiredSkillsHint')}>
        {(c) => <input {...c} name="requiredSkills" defaultValue={policy.requiredSkills.join(', ')} dir="auto" />}
      </Field>
      <Field label={t('admin.optionalSkills')} path="optionalSkills" problem={problem} hint={t('admin.optionalSkillsHint')}>
        {(c) => <input {...c} name="optionalSkills" defaultValue={policy.optionalSkills.join(', ')} dir="auto" />}
      </Field>
      <Field label={t('admin.stickyWindow')} path="stickyWindowSeconds" problem={problem} hint={t('admin.stickyWindowHint')}>
        {(c) => <input {...c} name="stickyWindowSeconds" type="number" required min={0} max={31_536_000} step={1} defaultValue={policy.stickyWindowSeconds} dir="ltr" />}
      </Field>
      <Field label={t('admin.reassignAfter')} path="reassignAfterSeconds" problem={problem} hint={t('admin.reassignAfterHint')}>
        {(c) => <input {...c} name="reassignAfterSeconds" type="number" required min={0} max={604_800} step={1} defaultValue={policy.reassignAfterSeconds} dir="ltr" />}
      </Field>
      <FormAlert problem={problem} paths={PATHS} />
      <FormActions saving={saving} label={t('admin.save')} />
    </form>
  );
}
