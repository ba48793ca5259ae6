import { useTranslation } from 'react-i18next';
import { SEGMENT_OPS, type SegmentOp } from '@tandem/core';
import { Field } from '../admin/field.tsx';
import type { FormProblem } from '../admin/form-problem.ts';
import { isNumericOp } from './condition-value.ts';
import { emptyCondition, MAX_CONDITIONS, type ConditionDraft } from './trigger-draft.ts';

const isOp = (value: string): value is SegmentOp => (SEGMENT_OPS as readonly string[]).includes(value);

/** Conditions on the tracked event's properties (`cart_value` greater than 100); all must hold. */
export function EventConditionsEditor(props: { rows: readonly ConditionDraft[]; onChange: (rows: ConditionDraft[]) => void; problem: FormProblem | null }) {
  const { t } = useTranslation();
  const { rows, problem } = props;
  const edit = (key: number, change: Partial<ConditionDraft>) => props.onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  return (
    <fieldset>
      <legend>{t('proactive.conditions')}</legend>
      <p className="field__hint">{t('proactive.conditionsHint')}</p>
      {rows.map((row, index) => {
        const path = `trigger.where.${index}`;
        const title = t('proactive.conditionNumber', { number: index + 1 });
        return (
          <fieldset key={row.key} className="proactive-condition">
            <legend>{title}</legend>
            <Field label={t('proactive.conditionField')} path={`${path}.field`} problem={problem}>
              {(c) => <input {...c} value={row.field} onChange={(e) => edit(row.key, { field: e.target.value })} required maxLength={64} dir="ltr" autoComplete="off" spellCheck={false} placeholder="cart_value" />}
            </Field>
            <Field label={t('proactive.conditionOp')} path={`${path}.op`} problem={problem}>
              {(c) => (
                <select {...c} value={row.op} onChange={(e) => isOp(e.target.value) && edit(row.key, { op: e.target.value })}>
                  {SEGMENT_OPS.map((op) => <option key={op} value={op}>{t(`proactiveOp.${op}`)}</option>)}
                </select>
              )}
            </Field>
            {row.op !== 'exists' && (
              <Field label={t('proactive.conditionValue')} path={`${path}.value`} problem={problem} hint={row.op === 'in' ? t('proactive.conditionInHint') : undefined}>
                {(c) => <input {...c} type={isNumericOp(row.op) ? 'number' : 'text'} value={row.value} onChange={(e) => edit(row.key, { value: e.target.value })} required={isNumericOp(row.op)} maxLength={200} dir="auto" />}
              </Field>
            )}
            <div className="admin-row">
              <button type="button" className="button button--quiet" aria-label={t('admin.removeNamed', { name: title })} onClick={() => props.onChange(rows.filter((r) => r.key !== row.key))}>{t('admin.remove')}</button>
            </div>
          </fieldset>
        );
      })}
      {rows.length < MAX_CONDITIONS && (
        <div className="admin-row">
          <button type="button" className="button" onClick={() => props.onChange([...rows, emptyCondition(rows)])}>{t('proactive.addCondition')}</button>
        </div>
      )}
    </fieldset>
  );
}
