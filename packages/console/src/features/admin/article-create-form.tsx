import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '@tandem/core';
import { useSession } from '../session/session-context.tsx';
import { ArticleStatusSelect } from './article-status-select.tsx';
import { Field } from './field.tsx';
import { FormActions } from './form-actions.tsx';
import { FormAlert } from './form-alert.tsx';
import { localizedText } from './localized-text.ts';
import { useSubmit } from './use-submit.ts';
import { readForm } from './read-form.ts';

/** A knowledge-base category (Category in the OpenAPI document): an article must name one that exists. */
export interface Category {
  key: string;
  names: Record<string, string>;
}

const PATHS = ['key', 'title', 'category', 'locale', 'status', 'body'];

export function ArticleCreateForm(props: { categories: readonly Category[]; onSaved: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const { http } = useSession();
  const { saving, problem, submit } = useSubmit();
  const headingId = useId();
  const languages = new Intl.DisplayNames([i18n.language], { type: 'language' });
  return (
    <form
      className="form-grid form-grid--wide"
      aria-labelledby={headingId}
      onSubmit={(e) => {
        const { text } = readForm(e);
        const body = { key: text('key'), title: text('title'), category: text('category'), locale: text('locale'), status: text('status'), body: text('body') };
        void submit(() => http.send('POST', '/kb/articles', body)).then((ok) => ok && props.onSaved());
      }}
    >
      <h2 id={headingId}>{t('admin.addArticle')}</h2>
      <Field label={t('admin.key')} path="key" problem={problem} hint={t('admin.articleKeyHint')}>
        {(c) => <input {...c} name="key" required maxLength={100} pattern="[a-z0-9]+(-[a-z0-9]+)*" dir="ltr" autoComplete="off" />}
      </Field>
      <Field label={t('admin.title')} path="title" problem={problem}>{(c) => <input {...c} name="title" required maxLength={200} dir="auto" />}</Field>
      <Field label={t('admin.category')} path="category" problem={problem} hint={props.categories.length === 0 ? t('admin.noCategories') : undefined}>
        {(c) => <select {...c} name="category" required>{props.categories.map((cat) => <option key={cat.key} value={cat.key}>{localizedText(cat.names, i18n.language) || cat.key}</option>)}</select>}
      </Field>
      <Field label={t('admin.language')} path="locale" problem={problem}>
        {(c) => <select {...c} name="locale" defaultValue={i18n.language}>{LOCALES.map((l) => <option key={l} value={l}>{languages.of(l)}</option>)}</select>}
      </Field>
      <Field label={t('admin.status')} path="status" problem={problem}>{(c) => <ArticleStatusSelect {...c} name="status" defaultValue="draft" />}</Field>
      <Field label={t('admin.markdownBody')} path="body" problem={problem}>{(c) => <textarea {...c} name="body" required rows={14} dir="auto" />}</Field>
      <FormAlert problem={problem} paths={PATHS} />
      <FormActions saving={saving} label={t('admin.create')} onCancel={props.onCancel} />
    </form>
  );
}
