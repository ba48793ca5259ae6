import { useTranslation } from 'react-i18next';
import { useRoute } from 'wouter';
import { addCatalogs } from '../../i18n/console-i18n.ts';
import { PROACTIVE_CATALOGS } from '../../i18n/proactive.catalog.ts';
import { TopBar } from '../layout/top-bar.tsx';
import { isAdmin, useSession } from '../session/session-context.tsx';
import { ProactiveHome } from './proactive-home.tsx';
import { RuleEditor } from './rule-editor.tsx';
import { RuleReport } from './rule-report.tsx';
import './proactive.css';

/**
 * Proactive rules for admins and owners (the API refuses agents too): /proactive lists them with the
 * workspace's limits, /proactive/new and /proactive/<id>/edit edit one, /proactive/<id> reports on it.
 */
export function ProactivePage() {
  const { t, i18n } = useTranslation();
  addCatalogs(i18n, PROACTIVE_CATALOGS);
  const { session } = useSession();
  const [creating] = useRoute('/proactive/new');
  const [editing, edit] = useRoute<{ id: string }>('/proactive/:id/edit');
  const [reporting, report] = useRoute<{ id: string }>('/proactive/:id');
  if (!isAdmin(session)) {
    return (
      <div className="console">
        <TopBar />
        <p className="notice" role="alert">{t('proactive.forbidden')}</p>
      </div>
    );
  }
  let content = <ProactiveHome />;
  if (creating) content = <RuleEditor />;
  else if (editing && edit) content = <RuleEditor key={edit.id} id={edit.id} />;
  else if (reporting && report) content = <RuleReport key={report.id} id={report.id} />;
  return (
    <div className="console">
      <TopBar />
      <main className="proactive" aria-labelledby="proactive-title" dir={i18n.dir()}>
        <h1 id="proactive-title">{t('proactive.title')}</h1>
        {content}
      </main>
    </div>
  );
}
