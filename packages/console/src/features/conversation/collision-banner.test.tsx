import { afterEach, describe, expect, test } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { Agent } from '@tandem/protocol';
import { createConsoleI18n } from '../../i18n/console-i18n.ts';
import { createLiveStore } from '../../live/live-store.ts';
import { createDirectory } from '../../live/directory.ts';
import { FakeSocket, conversation, fakeHttp, memoryStorage, row } from '../../test-support/fakes.ts';
import { SessionContext, type SessionContextValue } from '../session/session-context.tsx';
import { createDraftStore } from './drafts.ts';
import { CollisionBanner } from './collision-banner.tsx';

const agent = (id: string, name: string): Agent => ({ id, name, email: `${id}@x.test`, handle: id, role: 'agent', skills: [], createdAt: '' });
const agents = [agent('me', 'Me'), agent('emma', 'Emma Wilson')];

function setup() {
  const storage = memoryStorage();
  const http = fakeHttp({ '/inbox': () => ({ items: [], nextCursor: null }), '/mentions': () => ({ items: [] }) });
  const live = createLiveStore({ http, self: { id: 'me', name: 'Me' }, socketUrl: 'ws://t', storage, workspaceId: 'w', onUnauthenticated: () => undefined, createSocket: (u) => new FakeSocket(u) as unknown as WebSocket });
  const value: SessionContextValue = {
    session: { agent: agents[0]!, workspace: { id: 'w', name: 'Shop', slug: 'shop' }, limits: { messageMaxChars: 100, uploadMaxBytes: 100 } },
    http,
    live,
    directory: createDirectory(http),
    drafts: createDraftStore(storage, 'w.me'),
    signOut: async () => undefined,
  };
  return { live, wrap: (node: React.ReactNode) => <I18nextProvider i18n={createConsoleI18n('en')}><SessionContext.Provider value={value}>{node}</SessionContext.Provider></I18nextProvider> };
}

describe('collision detection', () => {
  afterEach(cleanup);

  test('a conversation taken by another agent meanwhile says so', () => {
    const { wrap } = setup();
    const mine = row(conversation({ id: 'c', assigneeId: 'me' }));
    const view = render(wrap(<CollisionBanner row={mine} agents={agents} />));
    expect(screen.queryByTestId('collision')).toBeNull();
    view.rerender(wrap(<CollisionBanner row={{ ...mine, conversation: { ...mine.conversation, assigneeId: 'emma' } }} agents={agents} />));
    expect(screen.getByTestId('collision').textContent).toContain('Emma Wilson took this conversation.');
  });

  test('who else is looking, and who is replying, from the agents’ signals', () => {
    const { wrap, live } = setup();
    live.start();
    const socket = FakeSocket.latest();
    socket.open(1);
    socket.push({ type: 'viewing', conversationId: 'c', agentId: 'emma', name: 'Emma Wilson', viewing: true });
    const open = row(conversation({ id: 'c', assigneeId: null }));
    render(wrap(<CollisionBanner row={open} agents={agents} />));
    expect(screen.getByTestId('collision').textContent).toContain('Emma Wilson is also looking at this.');
    act(() => socket.push({ type: 'typing', conversationId: 'c', author: 'agent', name: 'Emma Wilson', typing: true }));
    expect(screen.getByTestId('collision').textContent).toContain('Emma Wilson is replying…');
  });
});
