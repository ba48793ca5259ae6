import { useTranslation } from 'react-i18next';
import { Field } from '../admin/field.tsx';
import type { FormProblem } from '../admin/form-problem.ts';
import { MAX_HOLDOUT_PERCENT, type RuleDraft } from './rule-draft.ts';

type Options = Pick<RuleDraft, 'allowWhileTyping' | 'allowDuringPurchase' | 'holdoutPercent'>;

/** When a rule may interrupt (typing, buying) and the share kept back to measure it. */
export function RuleOptionsFields(props: { value: Options; onChange: (change: Partial<Options>) => void; problem: FormProblem | null }) {
  const { t } = useTranslation();
  const { value } = props;
  return (
    <fieldset>
      <legend>{t('proactive.options')}</legend>
      <label className="check">
        <input type="checkbox" checked={value.allowWhileTyping} onChange={(e) => props.onChange({ allowWhileTyping: e.target.checked })} />
        {t('proactive.allowWhileTyping')}
      </label>
      <label className="check">
        <input type="checkbox" checked={value.allowDuringPurchase} onChange={(e) => props.onChange({ allowDuringPurchase: e.target.checked })} />
        {t('proactive.allowDuringPurchase')}
      </label>
      <Field label={t('proactive.holdoutPercent')} path="holdoutPercent" problem={props.problem} hint={t('proactive.holdoutHint', { max: MAX_HOLDOUT_PERCENT })}>
        {(c) => (
          <input {...c} type="number" inputMode="numeric" min={0} max={MAX_HOLDOUT_PERCENT} step={1} required value={value.holdoutPercent} onChange={(e) => props.onChange({ holdoutPercent: e.target.value })} />
        )}
      </Field>
    </fieldset>
  );
}
