import { useTranslation } from 'react-i18next';
import { FieldErrors } from '../admin/field-errors.tsx';
import type { FormProblem } from '../admin/form-problem.ts';
import { LocalizedTextFields } from '../admin/localized-text-fields.tsx';
import { emptyQuickReply, MAX_QUICK_REPLIES, type QuickReplyDraft } from './action-draft.ts';

/** Up to five buttons under the bot's message, each in every language. */
export function QuickRepliesEditor(props: { rows: readonly QuickReplyDraft[]; onChange: (rows: QuickReplyDraft[]) => void; problem: FormProblem | null }) {
  const { t } = useTranslation();
  const { rows, problem } = props;
  return (
    <fieldset>
      <legend>{t('proactive.quickReplies')}</legend>
      {rows.length === 0 && <p className="field__hint">{t('proactive.noQuickReplies')}</p>}
      {rows.map((row, index) => {
        const title = t('proactive.quickReplyNumber', { number: index + 1 });
        return (
          <div key={row.key} className="proactive-row">
            <LocalizedTextFields
              legend={title}
              label={(language) => t('proactive.quickReplyIn', { number: index + 1, language })}
              path={`action.quickReplies.${index}`}
              value={row.text}
              onChange={(text) => props.onChange(rows.map((r) => (r.key === row.key ? { ...r, text } : r)))}
              problem={problem}
              maxLength={2000}
            />
            <div className="admin-row">
              <button type="button" className="button button--quiet" aria-label={t('admin.removeNamed', { name: title })} onClick={() => props.onChange(rows.filter((r) => r.key !== row.key))}>{t('admin.remove')}</button>
            </div>
          </div>
        );
      })}
      {rows.length < MAX_QUICK_REPLIES && (
        <div className="admin-row">
          <button type="button" className="button" onClick={() => props.onChange([...rows, emptyQuickReply(rows)])}>{t('proactive.addQuickReply')}</button>
        </div>
      )}
      {/* Each reply shows its own messages; one about the list as a whole (too many) shows here. */}
      <FieldErrors problem={problem} path="action.quickReplies" exact />
    </fieldset>
  );
}
