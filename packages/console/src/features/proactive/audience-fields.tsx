import { useTranslation } from 'react-i18next';
import { AUDIENCE_CHOICES, LOCALES, type AudienceChoice, type ProactiveAudience } from '@tandem/core';
import { useResource } from '../../api/use-resource.ts';
import { Field } from '../admin/field.tsx';
import { LoadAlert } from '../admin/form-alert.tsx';
import { FieldErrors } from '../admin/field-errors.tsx';
import type { FormProblem } from '../admin/form-problem.ts';
import { localizedText } from '../admin/localized-text.ts';
import type { Segment } from '../admin/segment.ts';

const CHOICES = ['returning', 'identified', 'withinBusinessHours', 'agentsAvailable'] as const;
const isChoice = (value: string): value is AudienceChoice => (AUDIENCE_CHOICES as readonly string[]).includes(value);
const toggled = <T,>(list: readonly T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

/** Who the rule is for: segments and languages (none checked: everyone), and four yes/no/any facts. */
export function AudienceFields(props: { value: ProactiveAudience; onChange: (value: ProactiveAudience) => void; problem: FormProblem | null }) {
  const { t, i18n } = useTranslation();
  const { value, problem } = props;
  const segments = useResource<{ items: Segment[] }>('/segments');
  const languages = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const set = (change: Partial<ProactiveAudience>) => props.onChange({ ...value, ...change });
  return (
    <fieldset>
      <legend>{t('proactive.audience')}</legend>
      <fieldset>
        <legend>{t('proactive.segments')}</legend>
        <p className="field__hint">{t('proactive.segmentsHint')}</p>
        <LoadAlert error={segments.error} />
        {segments.data?.items.length === 0 && <p className="field__hint">{t('proactive.noSegments')}</p>}
        <div className="proactive-checks">
          {segments.data?.items.map((s) => (
            <label key={s.key} className="check">
              <input type="checkbox" checked={value.segments.includes(s.key)} onChange={(e) => set({ segments: toggled(value.segments, s.key, e.target.checked) })} />
              <span dir="auto">{localizedText(s.name, i18n.language)}</span>
            </label>
          ))}
        </div>
        <FieldErrors problem={problem} path="audience.segments" />
      </fieldset>
      <fieldset>
        <legend>{t('proactive.languages')}</legend>
        <p className="field__hint">{t('proactive.languagesHint')}</p>
        <div className="proactive-checks">
          {LOCALES.map((locale) => (
            <label key={locale} className="check">
              <input type="checkbox" checked={value.locales.includes(locale)} onChange={(e) => set({ locales: toggled(value.locales, locale, e.target.checked) })} />
              {languages.of(locale)}
            </label>
          ))}
        </div>
        <FieldErrors problem={problem} path="audience.locales" />
      </fieldset>
      {CHOICES.map((key) => (
        <Field key={key} label={t(`proactiveAudience.${key}`)} path={`audience.${key}`} problem={problem}>
          {(c) => (
            <select {...c} value={value[key]} onChange={(e) => isChoice(e.target.value) && set({ [key]: e.target.value })}>
              {AUDIENCE_CHOICES.map((choice) => <option key={choice} value={choice}>{t(`proactiveChoice.${choice}`)}</option>)}
            </select>
          )}
        </Field>
      ))}
    </fieldset>
  );
}
