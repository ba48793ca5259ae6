// The signed-in session a screen under test renders in: one admin (or agent) of one workspace,
// with the live store built but never started (the screens tested this way read over HTTP only).
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Locale } from '@tandem/core';
import type { Agent } from '@tandem/protocol';
import type { HttpClient } from '../api/http-client.ts';
import { createConsoleI18n } from '../i18n/console-i18n.ts';
import { createDirectory } from '../live/directory.ts';
import { createLiveStore } from '../live/live-store.ts';
import { createDraftStore } from '../features/conversation/drafts.ts';
import { SessionContext, type SessionContextValue } from '../features/session/session-context.tsx';
import { memoryStorage } from './fakes.ts';

export function testSession(http: HttpClient, role: Agent['role'] = 'admin'): SessionContextValue {
  const agent: Agent = { id: 'a1', email: 'lan@example.com', handle: 'lan', name: 'Lan', role, skills: [], createdAt: '2026-01-01T00:00:00.000Z' };
  const storage = memoryStorage();
  return {
    session: { agent, workspace: { id: 'w1', name: 'Shop', slug: 'shop' }, limits: { messageMaxChars: 10_000, uploadMaxBytes: 10_000_000 } },
    http,
    live: createLiveStore({ http, self: { id: agent.id, name: agent.name }, socketUrl: 'ws://localhost/api/v1/ws', storage, workspaceId: 'w1', onUnauthenticated: () => undefined }),
    directory: createDirectory(http),
    drafts: createDraftStore(storage, 'w1.a1'),
    signOut: async () => undefined,
  };
}

/** Wraps what a test renders (and re-renders) in one session and one i18n instance. */
export function sessionWrapper(options: { http: HttpClient; locale?: Locale; role?: Agent['role'] }) {
  const value = testSession(options.http, options.role);
  const i18n = createConsoleI18n(options.locale ?? 'en');
  return (node: ReactNode) => (
    <I18nextProvider i18n={i18n}>
      <SessionContext.Provider value={value}>{node}</SessionContext.Provider>
    </I18nextProvider>
  );
}
