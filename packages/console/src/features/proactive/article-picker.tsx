import { useTranslation } from 'react-i18next';
import type { Article } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { FieldErrors } from '../admin/field-errors.tsx';
import { LoadAlert } from '../admin/form-alert.tsx';
import type { FormProblem } from '../admin/form-problem.ts';
import { MAX_ARTICLES } from './action-draft.ts';

/** Up to five published help-center articles to suggest, in the order they were checked. */
export function ArticlePicker(props: { value: readonly string[]; onChange: (ids: string[]) => void; problem: FormProblem | null }) {
  const { t, i18n } = useTranslation();
  const articles = useResource<{ items: Article[] }>('/kb/articles', { status: 'published', limit: 200 });
  const languages = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const full = props.value.length >= MAX_ARTICLES;
  return (
    <fieldset>
      <legend>{t('proactive.articles')}</legend>
      <p className="field__hint">{t('proactive.articlesHint', { max: MAX_ARTICLES })}</p>
      <LoadAlert error={articles.error} />
      {articles.data?.items.length === 0 && <p className="field__hint">{t('proactive.noArticles')}</p>}
      <div className="proactive-checks proactive-checks--column">
        {articles.data?.items.map((a) => {
          const checked = props.value.includes(a.id);
          return (
            <label key={a.id} className="check">
              <input
                type="checkbox"
                checked={checked}
                disabled={!checked && full}
                onChange={(e) => props.onChange(e.target.checked ? [...props.value, a.id] : props.value.filter((id) => id !== a.id))}
              />
              <span dir="auto" lang={a.locale}>{a.title}</span>
              <span className="proactive-muted">({languages.of(a.locale)})</span>
            </label>
          );
        })}
      </div>
      <FieldErrors problem={props.problem} path="action.articleIds" />
    </fieldset>
  );
}
