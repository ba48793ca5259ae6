import { useTranslation } from 'react-i18next';
import { emptyTemplate, type TemplateRow } from './channel-config.ts';
import { ConfigInput } from './config-input.tsx';
import { Field } from './field.tsx';
import { isWithin, messagesFor, type FormProblem } from './form-problem.ts';

const PATH = 'config.templates';
const MAX_TEMPLATES = 50;
const COLUMNS = ['name', 'language', 'body'] as const;

/** Approved message templates as rows (name, language, text); the server checks them against Meta's rules. */
export function WhatsAppTemplatesEditor(props: { templates: readonly TemplateRow[]; onChange: (templates: TemplateRow[]) => void; problem: FormProblem | null }) {
  const { t } = useTranslation();
  const { templates, problem } = props;
  const edit = (key: number, change: Partial<TemplateRow>) => props.onChange(templates.map((row) => (row.key === key ? { ...row, ...change } : row)));
  // The rows' inputs show their own messages; the list shows the rest (a duplicate name and language, too many).
  const claimed = templates.flatMap((_, index) => COLUMNS.map((column) => `${PATH}.${index}.${column}`));
  const rest = { detail: '', fields: (problem?.fields ?? []).filter((f) => !claimed.some((path) => isWithin(path, f.path))) };
  const errors = messagesFor(rest, PATH);
  return (
    <fieldset>
      <legend>{t('admin.templates')}</legend>
      <p className="field__hint">
        {t('admin.templatesHint')}{' '}
        <code dir="ltr">{'{{1}}'}</code><code dir="ltr">{'{{2}}'}</code>
      </p>
      {templates.length === 0 && <p className="field__hint">{t('admin.noMessageTemplates')}</p>}
      {templates.map((row, index) => {
        const title = t('admin.templateNumber', { number: index + 1 });
        const path = `${PATH}.${index}`;
        return (
          <fieldset key={row.key}>
            <legend>{title}</legend>
            <ConfigInput
              label={t('admin.templateName')}
              path={`${path}.name`}
              problem={problem}
              value={row.name}
              onChange={(name) => edit(row.key, { name })}
              input={{ required: true, maxLength: 512, pattern: '[a-z0-9_]+', dir: 'ltr', autoComplete: 'off', spellCheck: false }}
            />
            <ConfigInput
              label={t('admin.templateLanguage')}
              path={`${path}.language`}
              problem={problem}
              value={row.language}
              onChange={(language) => edit(row.key, { language })}
              input={{ required: true, pattern: '[a-z]{2,3}(_[A-Z]{2})?', size: 6, dir: 'ltr', autoComplete: 'off', spellCheck: false, placeholder: 'en_US' }}
            />
            <Field label={t('admin.templateBody')} path={`${path}.body`} problem={problem}>
              {(c) => <textarea {...c} value={row.body} onChange={(e) => edit(row.key, { body: e.target.value })} required rows={3} maxLength={1024} dir="auto" />}
            </Field>
            <div className="admin-row">
              <button type="button" className="button button--quiet" aria-label={t('admin.removeNamed', { name: title })} onClick={() => props.onChange(templates.filter((r) => r.key !== row.key))}>
                {t('admin.remove')}
              </button>
            </div>
          </fieldset>
        );
      })}
      {templates.length < MAX_TEMPLATES && (
        <div className="admin-row">
          <button type="button" className="button" onClick={() => props.onChange([...templates, emptyTemplate(templates)])}>{t('admin.addTemplate')}</button>
        </div>
      )}
      {errors.length > 0 && <p className="field-error" role="alert">{errors.join(' ')}</p>}
    </fieldset>
  );
}
