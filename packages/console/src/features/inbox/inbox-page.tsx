import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'wouter';
import type { SavedFilter } from '@tandem/protocol';
import { useResource } from '../../api/use-resource.ts';
import { useSession } from '../session/session-context.tsx';
import { useLive } from '../../live/use-live.ts';
import { TopBar } from '../layout/top-bar.tsx';
import { ConnectionBanner } from '../layout/connection-banner.tsx';
import { ConversationPane } from '../conversation/conversation-pane.tsx';
import { CustomerPanel } from '../customer/customer-panel.tsx';
import { ShortcutsDialog } from '../shortcuts/shortcuts-dialog.tsx';
import { useShortcuts } from '../shortcuts/use-shortcuts.ts';
import { InboxNav } from './inbox-nav.tsx';
import { InboxList } from './inbox-list.tsx';
import { OpenTabs } from './open-tabs.tsx';
import { conversationPath, parseView } from './view-route.ts';
import { emptyFilter, selectRows, type Filter, type Sort } from './views.ts';
import { useClock } from './use-clock.ts';

const MAX_TABS = 8;

/** The agent's working screen: views, the list, the open conversation and the customer beside it. */
export function InboxPage() {
  const params = useParams<{ view: string; conversationId?: string }>();
  const [, navigate] = useLocation();
  const { session, live } = useSession();
  const view = useMemo(() => parseView(params.view ?? 'mine'), [params.view]);
  const inbox = useLive((s) => s.inbox);
  const loaded = useLive((s) => s.loaded);
  // The agent's saved filters live on the server (they follow the agent); read after the first page.
  const savedFilters = useResource<{ items: SavedFilter[] }>(loaded ? '/saved-filters' : null);
  const saved = savedFilters.data?.items ?? [];
  const mentioned = useLive((s) => s.mentioned);
  const now = useClock(30_000);
  const [sort, setSort] = useState<Sort>(() => (localStorage.getItem('tandem.sort') as Sort | null) ?? 'waiting');
  const [adhoc, setAdhoc] = useState<Filter>(emptyFilter);
  const [tabs, setTabs] = useState<string[]>([]);
  const [help, setHelp] = useState(false);

  const filter = view.kind === 'saved' ? (saved.find((f) => f.id === view.filterId)?.filter ?? emptyFilter) : adhoc;
  const context = useMemo(() => ({ agentId: session.agent.id, mentioned, now }), [session.agent.id, mentioned, now]);
  const rows = useMemo(() => selectRows(inbox.rows.values(), { view, filter, sort, context }), [inbox.rows, view, filter, sort, context]);
  const selectedId = params.conversationId ?? null;

  // A conversation outside the loaded work (resolved, or from a link) is fetched into the store.
  useEffect(() => {
    if (selectedId && loaded && !live.getSnapshot().inbox.rows.has(selectedId)) void live.refresh([selectedId]);
  }, [selectedId, loaded, live]);

  useEffect(() => {
    if (!selectedId) return;
    setTabs((current) => (current.includes(selectedId) ? current : [selectedId, ...current].slice(0, MAX_TABS)));
  }, [selectedId]);

  // The conversations j and k lead to are read ahead, so switching shows them at once.
  useEffect(() => {
    const index = rows.findIndex((r) => r.conversation.id === selectedId);
    if (index === -1) return;
    const neighbours = [rows[index + 1], rows[index - 1]].flatMap((r) => (r ? [r.conversation.id] : []));
    const timer = setTimeout(() => neighbours.forEach((id) => void live.thread(id).catch(() => undefined)), 150);
    return () => clearTimeout(timer);
  }, [rows, selectedId, live]);

  const open = (id: string) => navigate(conversationPath(view, id));
  useShortcuts({
    next: () => step(1),
    previous: () => step(-1),
    help: () => setHelp(true),
    reply: () => document.getElementById('composer-input')?.focus(),
  });

  function step(delta: number) {
    if (rows.length === 0) return;
    const index = rows.findIndex((r) => r.conversation.id === selectedId);
    const target = rows[Math.max(0, Math.min(rows.length - 1, index === -1 ? 0 : index + delta))];
    if (target) open(target.conversation.id);
  }

  const selectedRow = selectedId ? inbox.rows.get(selectedId) : undefined;
  return (
    <div className="console">
      <TopBar />
      <ConnectionBanner />
      <div className="workspace-grid">
        <InboxNav view={view} context={context} saved={saved} onSavedChange={savedFilters.reload} currentFilter={adhoc} />
        <InboxList
          rows={rows}
          selectedId={selectedId}
          now={now}
          sort={sort}
          onSort={(next) => {
            setSort(next);
            localStorage.setItem('tandem.sort', next);
          }}
          filter={filter}
          onFilter={view.kind === 'saved' ? undefined : setAdhoc}
          onOpen={open}
        />
        <section className="pane" aria-label={selectedRow?.customer.name ?? undefined}>
          <OpenTabs tabs={tabs} selectedId={selectedId} onOpen={open} onClose={(id) => setTabs((t) => t.filter((x) => x !== id))} />
          {selectedId ? <ConversationPane key={selectedId} conversationId={selectedId} onDone={() => step(1)} /> : <EmptyPane />}
        </section>
        {selectedRow && <CustomerPanel key={selectedRow.customer.id} customerId={selectedRow.customer.id} currentConversationId={selectedId!} />}
      </div>
      {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
    </div>
  );
}

function EmptyPane() {
  const { t } = useTranslation();
  return <p className="pane__empty">{t('inbox.pickOne')}</p>;
}
