import { useTranslation } from 'react-i18next';
import { Field } from '../admin/field.tsx';
import type { FormProblem } from '../admin/form-problem.ts';
import type { BroadcastDraft } from './broadcast-draft.ts';

type Template = Pick<BroadcastDraft, 'useTemplate' | 'template'>;
const PATH = 'message.whatsappTemplate';

/** WhatsApp allows a business to write first only with a template Meta approved: its name, language and parameters. */
export function WhatsAppTemplateFields(props: { value: Template; onChange: (change: Partial<Template>) => void; problem: FormProblem | null }) {
  const { t } = useTranslation();
  const { value, problem } = props;
  const set = (change: Partial<Template['template']>) => props.onChange({ template: { ...value.template, ...change } });
  const parametersHint = (
    <>
      {t('broadcast.templateParametersHint')} <code dir="ltr">{'{{1}}'}</code><code dir="ltr">{'{{2}}'}</code>
    </>
  );
  return (
    <fieldset>
      <legend>{t('broadcast.whatsappTemplate')}</legend>
      <label className="check">
        <input type="checkbox" checked={value.useTemplate} onChange={(e) => props.onChange({ useTemplate: e.target.checked })} />
        {t('broadcast.useTemplate')}
      </label>
      <p className="field__hint">{t('broadcast.templateHint')}</p>
      {value.useTemplate && (
        <>
          <Field label={t('broadcast.templateName')} path={`${PATH}.name`} problem={problem}>
            {(c) => <input {...c} value={value.template.name} onChange={(e) => set({ name: e.target.value })} required maxLength={512} pattern="[a-z0-9_]+" dir="ltr" autoComplete="off" spellCheck={false} placeholder="order_update" />}
          </Field>
          <Field label={t('broadcast.templateLanguage')} path={`${PATH}.language`} problem={problem}>
            {(c) => <input {...c} value={value.template.language} onChange={(e) => set({ language: e.target.value })} required pattern="[a-z]{2,3}(_[A-Z]{2})?" size={6} dir="ltr" autoComplete="off" spellCheck={false} placeholder="vi" />}
          </Field>
          <Field label={t('broadcast.templateParameters')} path={`${PATH}.parameters`} problem={problem} hint={parametersHint}>
            {(c) => <textarea {...c} value={value.template.parameters} onChange={(e) => set({ parameters: e.target.value })} rows={3} dir="auto" />}
          </Field>
        </>
      )}
    </fieldset>
  );
}
