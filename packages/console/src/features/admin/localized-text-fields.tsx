import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@tandem/core';
import { Field } from './field.tsx';
import { FieldErrors } from './field-errors.tsx';
import type { FormProblem } from './form-problem.ts';
import type { LocalizedDraft } from './localized-text.ts';

/**
 * One text in each language (`path.en`, `path.vi`, `path.fa`). The server's message about the
 * text as a whole ("text in at least one language") shows under the languages.
 */
export function LocalizedTextFields(props: {
  legend: string;
  /** The label of one language's input, e.g. "Message (English)": labels must differ between groups. */
  label: (language: string) => string;
  path: string;
  value: LocalizedDraft;
  onChange: (value: LocalizedDraft) => void;
  problem: FormProblem | null;
  multiline?: boolean;
  maxLength?: number;
  hint?: ReactNode;
}) {
  const { i18n } = useTranslation();
  const languages = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const edit = (locale: Locale, text: string) => props.onChange({ ...props.value, [locale]: text });
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.hint && <p className="field__hint">{props.hint}</p>}
      {LOCALES.map((locale) => (
        <Field key={locale} label={props.label(languages.of(locale) ?? locale)} path={`${props.path}.${locale}`} problem={props.problem}>
          {(c) =>
            props.multiline ? (
              <textarea {...c} value={props.value[locale]} onChange={(e) => edit(locale, e.target.value)} lang={locale} dir="auto" rows={2} maxLength={props.maxLength ?? 2000} />
            ) : (
              <input {...c} value={props.value[locale]} onChange={(e) => edit(locale, e.target.value)} lang={locale} dir="auto" maxLength={props.maxLength ?? 2000} />
            )
          }
        </Field>
      ))}
      <FieldErrors problem={props.problem} path={props.path} exact />
    </fieldset>
  );
}
