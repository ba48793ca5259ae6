import { useTranslation } from 'react-i18next';
import { TRIGGER_KINDS, type TriggerKind } from '@tandem/core';
import { Field } from '../admin/field.tsx';
import type { FormProblem } from '../admin/form-problem.ts';
import { EventConditionsEditor } from './event-conditions-editor.tsx';
import type { TriggerDraft } from './trigger-draft.ts';

const isTriggerKind = (value: string): value is TriggerKind => (TRIGGER_KINDS as readonly string[]).includes(value);

/** What fires the rule, with the parameters of that kind, and the pages it is limited to. */
export function TriggerFields(props: { value: TriggerDraft; onChange: (value: TriggerDraft) => void; onKind: (kind: TriggerKind) => void; problem: FormProblem | null }) {
  const { t } = useTranslation();
  const { value, problem } = props;
  const { kind } = value;
  const set = (change: Partial<TriggerDraft>) => props.onChange({ ...value, ...change });
  const number = (key: 'seconds' | 'percent' | 'visits', label: string, min: number, max: number) => (
    <Field label={label} path={`trigger.${key}`} problem={problem}>
      {(c) => <input {...c} type="number" inputMode="numeric" min={min} max={max} step={1} required value={value[key]} onChange={(e) => set({ [key]: e.target.value })} />}
    </Field>
  );
  return (
    <fieldset>
      <legend>{t('proactive.trigger')}</legend>
      <Field label={t('proactive.triggerKind')} path="trigger.kind" problem={problem} hint={t(`proactiveTriggerHint.${kind}`)}>
        {(c) => (
          <select {...c} value={kind} onChange={(e) => isTriggerKind(e.target.value) && props.onKind(e.target.value)}>
            {TRIGGER_KINDS.map((k) => <option key={k} value={k}>{t(`proactiveTrigger.${k}`)}</option>)}
          </select>
        )}
      </Field>
      {kind === 'time_on_page' && number('seconds', t('proactive.secondsOnPage'), 1, 3600)}
      {kind === 'form_idle' && number('seconds', t('proactive.secondsIdle'), 1, 3600)}
      {kind === 'scroll_depth' && number('percent', t('proactive.scrollPercent'), 1, 100)}
      {kind === 'repeat_visits' && number('visits', t('proactive.visits'), 2, 50)}
      {(kind === 'host_event' || kind === 'business_event') && (
        <Field label={t(kind === 'host_event' ? 'proactive.eventName' : 'proactive.businessEventName')} path="trigger.event" problem={problem} hint={t(`proactive.${kind}Example`)}>
          {(c) => <input {...c} value={value.event} onChange={(e) => set({ event: e.target.value })} required maxLength={100} pattern="[A-Za-z0-9_.:\-]+" dir="ltr" autoComplete="off" spellCheck={false} />}
        </Field>
      )}
      {kind === 'host_event' && <EventConditionsEditor rows={value.where} onChange={(where) => set({ where })} problem={problem} />}
      {kind !== 'business_event' && (
        <Field label={t('proactive.urlPattern')} path="trigger.urlPattern" problem={problem} hint={t('proactive.urlPatternHint')}>
          {(c) => <input {...c} value={value.urlPattern} onChange={(e) => set({ urlPattern: e.target.value })} maxLength={500} dir="ltr" autoComplete="off" spellCheck={false} placeholder="/pricing*" />}
        </Field>
      )}
    </fieldset>
  );
}
