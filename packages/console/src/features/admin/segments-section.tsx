import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource.ts';
import { useSession } from '../session/session-context.tsx';
import { FormAlert, LoadAlert } from './form-alert.tsx';
import { localizedText } from './localized-text.ts';
import { STRATEGY_LABELS, type Segment, type SegmentTemplate } from './segment.ts';
import { SegmentTemplateForm } from './segment-template-form.tsx';
import { useSubmit } from './use-submit.ts';

/** Customer segments (who is served how); new ones start from a template. */
export function SegmentsSection() {
  const { t, i18n } = useTranslation();
  const { http } = useSession();
  const segments = useResource<{ items: Segment[] }>('/segments');
  const templates = useResource<{ segments: SegmentTemplate[] }>('/segments/templates');
  const [adding, setAdding] = useState(false);
  const removal = useSubmit();
  const remove = (segment: Segment) => {
    if (!window.confirm(t('admin.confirmDelete', { name: localizedText(segment.name, i18n.language) }))) return;
    void removal.submit(() => http.send('DELETE', `/segments/${encodeURIComponent(segment.key)}`)).then((ok) => ok && segments.reload());
  };
  return (
    <section className="admin-section">
      <LoadAlert error={segments.error} />
      <FormAlert problem={removal.problem} paths={[]} />
      <table className="table">
        <thead><tr><th>{t('admin.name')}</th><th>{t('admin.key')}</th><th>{t('admin.strategy')}</th><th>{t('admin.priority')}</th><th><span className="visually-hidden">{t('admin.actions')}</span></th></tr></thead>
        <tbody>
          {segments.data?.items.map((s) => {
            const name = localizedText(s.name, i18n.language);
            return (
              <tr key={s.key}>
                <td dir="auto">{name}</td>
                <td dir="ltr">{s.key}</td>
                <td>{s.strategy ? t(STRATEGY_LABELS[s.strategy]) : t('admin.strategyNone')}</td>
                <td>{s.priority.toLocaleString(i18n.language)}</td>
                <td><button type="button" className="button button--quiet" aria-label={t('admin.deleteNamed', { name })} disabled={removal.saving} onClick={() => remove(s)}>{t('admin.delete')}</button></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <LoadAlert error={templates.error} />
      {!adding && templates.data && <button type="button" className="button button--primary" onClick={() => setAdding(true)}>{t('admin.addSegment')}</button>}
      {adding && templates.data && (
        <SegmentTemplateForm
          templates={templates.data.segments}
          onSaved={() => {
            setAdding(false);
            segments.reload();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
    </section>
  );
}
