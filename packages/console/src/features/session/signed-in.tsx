import { useEffect, useMemo, useRef } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import type { HttpClient } from '../../api/http-client.ts';
import { createLiveStore } from '../../live/live-store.ts';
import { createDirectory } from '../../live/directory.ts';
import { createDraftStore } from '../conversation/drafts.ts';
import { InboxPage } from '../inbox/inbox-page.tsx';
import { AdminPage } from '../admin/admin-page.tsx';
import { AnalyticsRoute } from '../analytics/analytics-route.tsx';
import { FeedbackRoute } from '../feedback/feedback-route.tsx';
import { ProactiveRoute } from '../proactive/proactive-route.tsx';
import { BroadcastsRoute } from '../broadcasts/broadcasts-route.tsx';
import { AccountPage } from '../account/account-page.tsx';
import { SessionContext, type SessionContextValue, type SessionInfo } from './session-context.tsx';

function socketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/api/v1/ws`;
}

/** Everything that lives as long as the session: the live store, drafts, the routes. */
export function SignedIn(props: { session: SessionInfo; http: HttpClient; onSignedOut: () => void }) {
  const { session, http } = props;
  const signedOut = useRef(props.onSignedOut);
  signedOut.current = props.onSignedOut;
  const value = useMemo<SessionContextValue>(() => {
    const live = createLiveStore({
      http,
      self: { id: session.agent.id, name: session.agent.name },
      socketUrl: socketUrl(),
      storage: localStorage,
      workspaceId: session.workspace.id,
      // The socket learns of an expired session too: one request to /me lets the HTTP layer say so.
      onUnauthenticated: () => void http.get('/me').catch(() => undefined),
    });
    return {
      session,
      http,
      live,
      drafts: createDraftStore(localStorage, `${session.workspace.id}.${session.agent.id}`),
      directory: createDirectory(http),
      async signOut() {
        await http.send('POST', '/auth/logout').catch(() => undefined);
        signedOut.current();
      },
    };
  }, [session, http]);

  useEffect(() => value.live.start(), [value]);

  return (
    <SessionContext.Provider value={value}>
      <Switch>
        <Route path="/admin/:section?" component={AdminPage} />
        <Route path="/analytics/:view?" component={AnalyticsRoute} />
        <Route path="/feedback/*?" component={FeedbackRoute} />
        <Route path="/proactive/*?" component={ProactiveRoute} />
        <Route path="/broadcasts/*?" component={BroadcastsRoute} />
        <Route path="/account" component={AccountPage} />
        <Route path="/inbox/:view/:conversationId?" component={InboxPage} />
        <Route><Redirect to="/inbox/mine" replace /></Route>
      </Switch>
    </SessionContext.Provider>
  );
}
