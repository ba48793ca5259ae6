import { useTranslation } from 'react-i18next';
import { ACTION_KINDS, type ActionKind, type TriggerKind } from '@tandem/core';
import { Field } from '../admin/field.tsx';
import type { FormProblem } from '../admin/form-problem.ts';
import { LocalizedTextFields } from '../admin/localized-text-fields.tsx';
import { actionKindsFor, type ActionDraft } from './action-draft.ts';
import { ArticlePicker } from './article-picker.tsx';
import { GuidePicker } from './guide-picker.tsx';
import { QuickRepliesEditor } from './quick-replies-editor.tsx';

const isActionKind = (value: string): value is ActionKind => (ACTION_KINDS as readonly string[]).includes(value);

/** What the visitor sees when the rule fires (only the kinds the trigger allows), with that kind's fields. */
export function ActionFields(props: { value: ActionDraft; trigger: TriggerKind; onChange: (value: ActionDraft) => void; problem: FormProblem | null }) {
  const { t } = useTranslation();
  const { value, problem } = props;
  const set = (change: Partial<ActionDraft>) => props.onChange({ ...value, ...change });
  const placeholders = value.kind === 'send_message' && (
    <>
      {t('proactive.placeholdersHint')} <code dir="ltr">{'{{order.id}}'}</code>
    </>
  );
  return (
    <fieldset>
      <legend>{t('proactive.action')}</legend>
      <Field label={t('proactive.actionKind')} path="action.kind" problem={problem} hint={t(`proactiveActionHint.${value.kind}`)}>
        {(c) => (
          <select {...c} value={value.kind} onChange={(e) => isActionKind(e.target.value) && set({ kind: e.target.value })}>
            {actionKindsFor(props.trigger).map((kind) => <option key={kind} value={kind}>{t(`proactiveAction.${kind}`)}</option>)}
          </select>
        )}
      </Field>
      <LocalizedTextFields
        legend={t('proactive.text')}
        label={(language) => t('proactive.textIn', { language })}
        path="action.text"
        value={value.text}
        onChange={(text) => set({ text })}
        problem={problem}
        multiline
        hint={placeholders || undefined}
      />
      {value.kind === 'bot_message' && <QuickRepliesEditor rows={value.quickReplies} onChange={(quickReplies) => set({ quickReplies })} problem={problem} />}
      {value.kind === 'suggest_articles' && <ArticlePicker value={value.articleIds} onChange={(articleIds) => set({ articleIds })} problem={problem} />}
      {value.kind === 'open_guide' && <GuidePicker value={value.guideId} onChange={(guideId) => set({ guideId })} problem={problem} />}
      {value.kind === 'send_message' && (
        <>
          <Field label={t('proactive.subject')} path="action.subject" problem={problem} hint={t('proactive.subjectHint')}>
            {(c) => <input {...c} value={value.subject} onChange={(e) => set({ subject: e.target.value })} maxLength={300} dir="auto" />}
          </Field>
          <label className="check">
            <input type="checkbox" checked={value.openConversation} onChange={(e) => set({ openConversation: e.target.checked })} />
            {t('proactive.openConversation')}
          </label>
        </>
      )}
    </fieldset>
  );
}
