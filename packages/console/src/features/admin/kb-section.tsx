import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { ArticleCreateForm, type Category } from './article-create-form.tsx';
import { ArticleEditForm } from './article-edit-form.tsx';
import { STATUS_LABELS } from './article-status-select.tsx';
import { LoadAlert } from './form-alert.tsx';

/** Knowledge-base articles: the help center's pages and the bot's answers. */
export function KbSection() {
  const { t, i18n } = useTranslation();
  const articles = useResource<{ items: Article[] }>('/kb/articles', { limit: 200 });
  const categories = useResource<{ items: Category[] }>('/kb/categories').data?.items ?? [];
  const [editing, setEditing] = useState<Article | 'new' | null>(null);
  const languages = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const saved = () => {
    setEditing(null);
    articles.reload();
  };
  return (
    <section className="admin-section">
      <LoadAlert error={articles.error} />
      <table className="table">
        <thead><tr><th>{t('admin.title')}</th><th>{t('admin.language')}</th><th>{t('admin.status')}</th><th>{t('admin.category')}</th><th><span className="visually-hidden">{t('admin.actions')}</span></th></tr></thead>
        <tbody>
          {articles.data?.items.map((a) => (
            <tr key={a.id}>
              <td dir="auto" lang={a.locale}>{a.title}</td>
              <td>{languages.of(a.locale)}</td>
              <td>{t(STATUS_LABELS[a.status])}</td>
              <td dir="ltr">{a.category}</td>
              <td><button type="button" className="button button--quiet" aria-label={t('admin.editNamed', { name: a.title })} onClick={() => setEditing(a)}>{t('admin.edit')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing === null && <button type="button" className="button button--primary" onClick={() => setEditing('new')}>{t('admin.addArticle')}</button>}
      {editing === 'new' && <ArticleCreateForm categories={categories} onSaved={saved} onCancel={() => setEditing(null)} />}
      {editing !== null && editing !== 'new' && <ArticleEditForm key={editing.id} id={editing.id} onSaved={saved} onCancel={() => setEditing(null)} />}
    </section>
  );
}
