import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedResponse } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { useSession } from '../session/session-context.tsx';
import { CannedForm } from './canned-form.tsx';
import { FormAlert, LoadAlert } from './form-alert.tsx';
import { useSubmit } from './use-submit.ts';

/** Saved replies agents insert with `/shortcut`: search, add, edit, delete. */
export function CannedSection() {
  const { t, i18n } = useTranslation();
  const { http } = useSession();
  const languages = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const [query, setQuery] = useState('');
  const list = useResource<{ items: CannedResponse[] }>('/canned-responses', { q: query.trim() });
  const [editing, setEditing] = useState<CannedResponse | 'new' | null>(null);
  const removal = useSubmit();
  const saved = () => {
    setEditing(null);
    list.reload();
  };
  const remove = (canned: CannedResponse) => {
    if (!window.confirm(t('admin.confirmDelete', { name: `/${canned.shortcut}` }))) return;
    void removal.submit(() => http.send('DELETE', `/canned-responses/${canned.id}`)).then((ok) => ok && list.reload());
  };
  return (
    <section className="admin-section">
      <label className="admin-row">
        {t('admin.search')}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} maxLength={100} dir="auto" />
      </label>
      <LoadAlert error={list.error} />
      <FormAlert problem={removal.problem} paths={[]} />
      <table className="table">
        <thead><tr><th>{t('admin.shortcut')}</th><th>{t('admin.language')}</th><th>{t('admin.title')}</th><th>{t('admin.body')}</th><th><span className="visually-hidden">{t('admin.actions')}</span></th></tr></thead>
        <tbody>
          {list.data?.items.map((c) => (
            <tr key={c.id}>
              <td dir="ltr">/{c.shortcut}</td>
              <td>{languages.of(c.locale)}</td>
              <td dir="auto">{c.title}</td>
              <td dir="auto" className="admin-preview">{c.body}</td>
              <td className="admin-row">
                <button type="button" className="button button--quiet" aria-label={t('admin.editNamed', { name: `/${c.shortcut}` })} onClick={() => setEditing(c)}>{t('admin.edit')}</button>
                <button type="button" className="button button--quiet" aria-label={t('admin.deleteNamed', { name: `/${c.shortcut}` })} disabled={removal.saving} onClick={() => remove(c)}>{t('admin.delete')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data?.items.length === 0 && <p className="field__hint">{query.trim() ? t('admin.noMatches') : t('admin.noCanned')}</p>}
      {editing === null && <button type="button" className="button button--primary" onClick={() => setEditing('new')}>{t('admin.addCanned')}</button>}
      {editing !== null && (
        <CannedForm key={editing === 'new' ? 'new' : editing.id} canned={editing === 'new' ? undefined : editing} onSaved={saved} onCancel={() => setEditing(null)} />
      )}
    </section>
  );
}
