import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { useSession } from '../session/session-context.tsx';
import { ArticleStatusSelect } from './article-status-select.tsx';
import { Field } from './field.tsx';
import { FormActions } from './form-actions.tsx';
import { FormAlert, LoadAlert } from './form-alert.tsx';
import { useSubmit } from './use-submit.ts';
import { readForm } from './read-form.ts';

interface EditProps {
  onSaved: () => void;
  onCancel: () => void;
}

/** Loads the article afresh, then edits its title, status and Markdown body. */
export function ArticleEditForm(props: EditProps & { id: string }) {
  const article = useResource<Article>(`/kb/articles/${props.id}`);
  return (
    <>
      <LoadAlert error={article.error} />
      {article.data && <ArticleFields article={article.data} onSaved={props.onSaved} onCancel={props.onCancel} />}
    </>
  );
}

function ArticleFields(props: EditProps & { article: Article }) {
  const { t } = useTranslation();
  const { http } = useSession();
  const { saving, problem, submit } = useSubmit();
  const headingId = useId();
  const { article } = props;
  return (
    <form
      className="form-grid form-grid--wide"
      aria-labelledby={headingId}
      onSubmit={(e) => {
        const { text } = readForm(e);
        const body = { title: text('title'), status: text('status'), body: text('body') };
        void submit(() => http.send('PATCH', `/kb/articles/${article.id}`, body)).then((ok) => ok && props.onSaved());
      }}
    >
      <h2 id={headingId} dir="auto">{t('admin.editNamed', { name: article.title })}</h2>
      <Field label={t('admin.title')} path="title" problem={problem}>{(c) => <input {...c} name="title" required maxLength={200} defaultValue={article.title} dir="auto" />}</Field>
      <Field label={t('admin.status')} path="status" problem={problem}>{(c) => <ArticleStatusSelect {...c} name="status" defaultValue={article.status} />}</Field>
      <Field label={t('admin.markdownBody')} path="body" problem={problem}>
        {(c) => <textarea {...c} name="body" required rows={16} defaultValue={article.body} lang={article.locale} dir="auto" />}
      </Field>
      <FormAlert problem={problem} paths={['title', 'status', 'body']} />
      <FormActions saving={saving} label={t('admin.save')} onCancel={props.onCancel} />
    </form>
  );
}
