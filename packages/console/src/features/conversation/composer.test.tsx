import { afterEach, describe, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { ReactNode } from 'react';
import { createConsoleI18n } from '../../i18n/console-i18n.ts';
import { createLiveStore } from '../../live/live-store.ts';
import { FakeSocket, conversation, fakeHttp, memoryStorage, row } from '../../test-support/fakes.ts';
import { SessionContext, type SessionContextValue } from '../session/session-context.tsx';
import { Composer } from './composer.tsx';
import { createDraftStore } from './drafts.ts';
import { createDirectory } from '../../live/directory.ts';

const c = conversation({ id: 'c-9', language: 'fa' });
const inboxRow = row(c, { customer: { id: c.customerId, name: 'سارا احمدی', email: null, segments: [] } });
const canned = { id: 'k1', shortcut: 'refund', locale: 'fa', title: 'بازپرداخت', body: 'سلام {{customer.firstName}}، بازپرداخت شما آغاز شد.', variables: ['customer.firstName'], createdBy: 'a', createdAt: '', updatedAt: '' };

function setup(storage = memoryStorage()) {
  const http = fakeHttp({ '/canned-responses': () => ({ items: [canned] }), '/inbox': () => ({ items: [], nextCursor: null }), '/mentions': () => ({ items: [] }) });
  const live = createLiveStore({ http, self: { id: 'me', name: 'Me' }, socketUrl: 'ws://t', storage, workspaceId: 'w', onUnauthenticated: () => undefined, createSocket: (u) => new FakeSocket(u) as unknown as WebSocket });
  const value: SessionContextValue = {
    session: { agent: { id: 'me', name: 'Me', email: 'me@x.test', handle: 'me', role: 'agent', skills: [], createdAt: '' }, workspace: { id: 'w', name: 'Shop', slug: 'shop' }, limits: { messageMaxChars: 40, uploadMaxBytes: 1000 } },
    http,
    live,
    directory: createDirectory(http),
    drafts: createDraftStore(storage, 'w.me'),
    signOut: async () => undefined,
  };
  const i18n = createConsoleI18n('fa');
  const wrap = (node: ReactNode) => <I18nextProvider i18n={i18n}><SessionContext.Provider value={value}>{node}</SessionContext.Provider></I18nextProvider>;
  return { live, storage, wrap };
}

const box = () => screen.getByRole('textbox') as HTMLTextAreaElement;
const type = (text: string) => fireEvent.change(box(), { target: { value: text, selectionStart: text.length } });

describe('the composer', () => {
  afterEach(cleanup);

  test('a draft outlives the composer (switching away, a reload, an expired session)', () => {
    const { wrap, storage } = setup();
    const first = render(wrap(<Composer row={inboxRow} agents={[]} mode="reply" onMode={() => undefined} />));
    type('در حال بررسی');
    first.unmount();
    const { wrap: again } = setup(storage);
    render(again(<Composer row={inboxRow} agents={[]} mode="reply" onMode={() => undefined} />));
    expect(box().value).toBe('در حال بررسی');
  });

  test('too long a message says so inline and cannot be sent', () => {
    const { wrap } = setup();
    render(wrap(<Composer row={inboxRow} agents={[]} mode="reply" onMode={() => undefined} />));
    type('x'.repeat(41));
    expect(screen.getByRole('alert').textContent).toContain('۴۱');
    expect((screen.getByTestId('send') as HTMLButtonElement).disabled).toBe(true);
  });

  test('/ finds a saved reply in the customer’s language and fills in their name', async () => {
    const { wrap } = setup();
    render(wrap(<Composer row={inboxRow} agents={[]} mode="reply" onMode={() => undefined} />));
    type('/ref');
    await screen.findByText('/refund');
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(box().value).toBe('سلام سارا، بازپرداخت شما آغاز شد.');
  });

  test('Enter queues the reply with an idempotency key and clears the draft', () => {
    const { wrap, live, storage } = setup();
    render(wrap(<Composer row={inboxRow} agents={[]} mode="note" onMode={() => undefined} />));
    type('@darius لطفاً بررسی کن');
    fireEvent.keyDown(box(), { key: 'Enter' });
    const [item] = live.getSnapshot().outbox;
    expect(item).toMatchObject({ conversationId: 'c-9', body: '@darius لطفاً بررسی کن', private: true, state: 'queued' });
    expect(item!.idempotencyKey).toMatch(/^console-/);
    expect(box().value).toBe('');
    expect(createDraftStore(storage, 'w.me').get('c-9', 'note')).toBe('');
  });
});
