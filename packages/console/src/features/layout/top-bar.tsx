import { useEffect, useState } from 'react';
import { useLive } from '../../live/use-live.ts';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isAdmin, useSession } from '../session/session-context.tsx';
import { LanguagePicker } from './language-picker.tsx';

const PRESENCES = ['online', 'away', 'offline'] as const;
type PresenceStatus = (typeof PRESENCES)[number];

export function TopBar() {
  const { t } = useTranslation();
  const { session, http, signOut } = useSession();
  const [presence, setPresence] = useState<PresenceStatus | ''>('');
  const loaded = useLive((s) => s.loaded);
  // The agent's current status, read once the inbox is on screen (it comes second).
  useEffect(() => {
    if (!loaded) return;
    let current = true;
    http.get<{ items: { id: string; status: PresenceStatus }[] }>('/routing/agents').then(
      (result) => current && setPresence((shown) => shown || (result.items.find((a) => a.id === session.agent.id)?.status ?? '')),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [loaded, http, session.agent.id]);

  async function changePresence(status: PresenceStatus) {
    setPresence(status);
    await http.send('PUT', '/agents/me/presence', { status }).catch(() => setPresence(''));
  }

  return (
    <header className="top-bar">
      <Link href="/inbox/mine" className="top-bar__brand">{session.workspace.name}</Link>
      <nav className="top-bar__nav" aria-label={t('app.sections')}>
        <Link href="/inbox/mine">{t('app.inbox')}</Link>
        {isAdmin(session) && (
          <>
            <Link href="/analytics">{t('app.analytics')}</Link>
            <Link href="/feedback">{t('app.feedback')}</Link>
            <Link href="/proactive">{t('app.proactive')}</Link>
            <Link href="/broadcasts">{t('app.broadcasts')}</Link>
            <Link href="/admin/agents">{t('app.admin')}</Link>
          </>
        )}
      </nav>
      <label className="top-bar__presence">
        <span className="visually-hidden">{t('presence.label')}</span>
        <select value={presence} onChange={(e) => void changePresence(e.target.value as PresenceStatus)} data-testid="presence">
          <option value="" disabled>{t('presence.choose')}</option>
          {PRESENCES.map((p) => <option key={p} value={p}>{t(`presence.${p}`)}</option>)}
        </select>
      </label>
      <LanguagePicker />
      <Link href="/account" className="top-bar__me" title={t('account.open', { name: session.agent.name })}>{session.agent.name}</Link>
      <button type="button" className="button button--quiet" onClick={() => void signOut()}>{t('app.signOut')}</button>
    </header>
  );
}
