import { useTranslation } from 'react-i18next';
import { useLocation, useRoute } from 'wouter';
import { BROADCAST_CATALOGS } from '../../i18n/broadcast.catalog.ts';
import { addCatalogs } from '../../i18n/console-i18n.ts';
import { TopBar } from '../layout/top-bar.tsx';
import { isAdmin, useSession } from '../session/session-context.tsx';
import { BroadcastDetail } from './broadcast-detail.tsx';
import { BroadcastForm } from './broadcast-form.tsx';
import { BroadcastList } from './broadcast-list.tsx';
import './broadcasts.css';

/**
 * Broadcasts for admins and owners (the API refuses agents too): /broadcasts lists them,
 * /broadcasts/new writes one, /broadcasts/<id> follows one as it goes out.
 */
export function BroadcastsPage() {
  const { t, i18n } = useTranslation();
  addCatalogs(i18n, BROADCAST_CATALOGS);
  const { session } = useSession();
  const [, navigate] = useLocation();
  const [creating] = useRoute('/broadcasts/new');
  const [viewing, view] = useRoute<{ id: string }>('/broadcasts/:id');
  if (!isAdmin(session)) {
    return (
      <div className="console">
        <TopBar />
        <p className="notice" role="alert">{t('broadcast.forbidden')}</p>
      </div>
    );
  }
  let content = <BroadcastList />;
  if (creating) content = <BroadcastForm onCreated={(b) => navigate(`/broadcasts/${b.id}`)} onCancel={() => navigate('/broadcasts')} />;
  else if (viewing && view) content = <BroadcastDetail key={view.id} id={view.id} />;
  return (
    <div className="console">
      <TopBar />
      <main className="broadcasts" aria-labelledby="broadcasts-title" dir={i18n.dir()}>
        <h1 id="broadcasts-title">{t('broadcast.title')}</h1>
        {content}
      </main>
    </div>
  );
}
