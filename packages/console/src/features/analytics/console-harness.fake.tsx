// Renders a console page as the signed-in app does (session, i18n, router) for the analytics and
// feedback tests, on an in-memory location whose path and history the test can read.
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { Route, Router, Switch } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { Locale } from '@tandem/core';
import type { Agent } from '@tandem/protocol';
import type { HttpClient } from '../../api/http-client.ts';
import { createConsoleI18n } from '../../i18n/console-i18n.ts';
import { SessionContext } from '../session/session-context.tsx';
import { testSession } from '../../test-support/session.tsx';

export interface Sent {
  method: string;
  path: string;
  body: unknown;
}

/** Wraps a GET-only fake: every request is recorded with its query, every write with its body. */
export function recording(reads: HttpClient, answer: (sent: Sent) => unknown = () => ({ ok: true })) {
  const gets: { path: string; query: Record<string, unknown> }[] = [];
  const sent: Sent[] = [];
  const http: HttpClient = {
    get: (path, query = {}) => {
      gets.push({ path, query: { ...query } });
      return reads.get(path, query);
    },
    async send<T>(method: Sent['method'], path: string, body?: unknown) {
      sent.push({ method, path, body });
      return answer({ method, path, body }) as T;
    },
    upload: reads.upload,
  };
  return { http, gets, sent };
}

export function renderAt(path: string, routes: ReactNode, options: { http: HttpClient; locale?: Locale; role?: Agent['role'] }) {
  const value = testSession(options.http, options.role);
  const location = memoryLocation({ path, record: true });
  const view = render(
    <I18nextProvider i18n={createConsoleI18n(options.locale ?? 'en')}>
      <SessionContext.Provider value={value}>
        <Router hook={location.hook} searchHook={location.searchHook}>
          <Switch>
            {routes}
            <Route>not found</Route>
          </Switch>
        </Router>
      </SessionContext.Provider>
    </I18nextProvider>,
  );
  return { ...view, location };
}
