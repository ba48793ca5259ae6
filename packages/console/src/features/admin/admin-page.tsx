import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { TopBar } from '../layout/top-bar.tsx';
import { isAdmin, useSession } from '../session/session-context.tsx';
import { ADMIN_SECTIONS } from './admin-sections.tsx';

/** Workspace settings for admins and owners; agents see why they cannot (the API refuses them too). */
export function AdminPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const params = useParams<{ section?: string }>();
  const section = ADMIN_SECTIONS.find((s) => s.key === params.section) ?? ADMIN_SECTIONS[0];
  if (!isAdmin(session)) {
    return (
      <div className="console">
        <TopBar />
        <p className="notice" role="alert">{t('admin.forbidden')}</p>
      </div>
    );
  }
  const Section = section.component;
  return (
    <div className="console">
      <TopBar />
      <div className="admin">
        <nav className="admin__nav" aria-label={t('app.admin')}>
          <ul>
            {ADMIN_SECTIONS.map((s) => (
              <li key={s.key}><Link href={`/admin/${s.key}`} aria-current={s.key === section.key ? 'page' : undefined} className="nav-item">{t(`admin.${s.key}`)}</Link></li>
            ))}
          </ul>
        </nav>
        <main className="admin__main" aria-labelledby="admin-title">
          <h1 id="admin-title">{t(`admin.${section.key}`)}</h1>
          <Section />
        </main>
      </div>
    </div>
  );
}
