import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { SavedFilter } from '@tandem/protocol';
import { ProblemError } from '../../api/http-client.ts';
import { useSession } from '../session/session-context.tsx';
import { useDirectory } from '../../live/directory.ts';
import { useLive } from '../../live/use-live.ts';
import { conversationPath } from './view-route.ts';
import { isEmptyFilter, unreadCount, type Filter, type View, type ViewContext } from './views.ts';

const FIXED_VIEWS = ['mine', 'unassigned', 'all', 'mentions'] as const;

interface InboxNavProps {
  view: View;
  context: ViewContext;
  saved: SavedFilter[];
  /** A filter was saved or deleted: read the list again. */
  onSavedChange: () => void;
  currentFilter: Filter;
}

export function InboxNav(props: InboxNavProps) {
  const { t } = useTranslation();
  const rows = useLive((s) => s.inbox.rows);
  // Read after the first page of work is on screen: the list comes first.
  const teams = useDirectory('teams', useLive((s) => s.loaded));
  const [naming, setNaming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { http } = useSession();
  const [, navigate] = useLocation();
  const current = (v: View) => JSON.stringify(v) === JSON.stringify(props.view);

  const counts = useMemo(() => {
    const views: [string, View][] = [...FIXED_VIEWS.map((kind): [string, View] => [kind, { kind }]), ...teams.map((team): [string, View] => [`team-${team.id}`, { kind: 'team', teamId: team.id }])];
    return new Map(views.map(([key, v]) => [key, unreadCount(rows.values(), v, props.context)]));
  }, [rows, teams, props.context]);

  const link = (v: View, label: string, key: string) => {
    const count = counts.get(key) ?? 0;
    return (
      <Link href={conversationPath(v)} aria-current={current(v) ? 'page' : undefined} className="nav-item" data-testid={`view-${key}`}>
        <span>{label}</span>
        {count > 0 && <span className="badge" aria-label={t('inbox.unread', { count })}>{count}</span>}
      </Link>
    );
  };

  async function save(name: string) {
    setError(null);
    try {
      await http.send('POST', '/saved-filters', { name, filter: props.currentFilter });
      props.onSavedChange();
      setNaming(false);
    } catch (failure) {
      setError(failure instanceof ProblemError ? failure.message : t('inbox.filterNotSaved'));
    }
  }

  async function remove(id: string) {
    await http.send('DELETE', `/saved-filters/${id}`).catch(() => undefined);
    props.onSavedChange();
    if (props.view.kind === 'saved' && props.view.filterId === id) navigate(conversationPath({ kind: 'mine' }));
  }

  return (
    <nav className="inbox-nav" aria-label={t('inbox.views')}>
      <ul>{FIXED_VIEWS.map((kind) => <li key={kind}>{link({ kind }, t(`views.${kind}`), kind)}</li>)}</ul>
      {teams.length > 0 && <h2 className="inbox-nav__heading">{t('inbox.teams')}</h2>}
      <ul>{teams.map((team) => <li key={team.id}>{link({ kind: 'team', teamId: team.id }, team.name, `team-${team.id}`)}</li>)}</ul>
      <h2 className="inbox-nav__heading">{t('inbox.savedFilters')}</h2>
      <ul>
        {props.saved.map((f) => (
          <li key={f.id} className="inbox-nav__saved">
            {link({ kind: 'saved', filterId: f.id }, f.name, `saved-${f.id}`)}
            <button type="button" className="button button--quiet" aria-label={t('inbox.deleteFilter', { name: f.name })} onClick={() => void remove(f.id)}>×</button>
          </li>
        ))}
      </ul>
      {naming ? (
        <form onSubmit={(e) => { e.preventDefault(); const name = String(new FormData(e.currentTarget).get('name')).trim(); if (name) void save(name); }}>
          <input name="name" maxLength={40} required aria-label={t('inbox.filterName')} aria-invalid={error ? true : undefined} autoFocus data-testid="filter-name" />
          <button className="button">{t('common.save')}</button>
          {error && <p className="field-error" role="alert">{error}</p>}
        </form>
      ) : (
        <button type="button" className="button button--quiet" disabled={props.view.kind === 'saved' || isEmptyFilter(props.currentFilter)} onClick={() => setNaming(true)}>
          {t('inbox.saveFilter')}
        </button>
      )}
    </nav>
  );
}
