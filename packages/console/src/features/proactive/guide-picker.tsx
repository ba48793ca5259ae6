import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource.ts';
import { Field } from '../admin/field.tsx';
import { LoadAlert } from '../admin/form-alert.tsx';
import type { FormProblem } from '../admin/form-problem.ts';
import { localizedText } from '../admin/localized-text.ts';

// The part of a guide (Guide in the OpenAPI document) the picker shows.
interface Guide {
  id: string;
  definition: { title: Partial<Record<string, string>> };
}

/** The interactive guide the rule opens in the widget. */
export function GuidePicker(props: { value: string; onChange: (id: string) => void; problem: FormProblem | null }) {
  const { t, i18n } = useTranslation();
  const guides = useResource<{ items: Guide[] }>('/kb/guides');
  return (
    <>
      <LoadAlert error={guides.error} />
      <Field label={t('proactive.guide')} path="action.guideId" problem={props.problem} hint={guides.data?.items.length === 0 ? t('proactive.noGuides') : undefined}>
        {(c) => (
          <select {...c} value={props.value} onChange={(e) => props.onChange(e.target.value)} required>
            <option value="" disabled>{t('proactive.chooseGuide')}</option>
            {guides.data?.items.map((g) => <option key={g.id} value={g.id} dir="auto">{localizedText(g.definition.title, i18n.language)}</option>)}
          </select>
        )}
      </Field>
    </>
  );
}
