import { afterEach, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createConsoleI18n } from '../../i18n/console-i18n.ts';
import { createLiveStore } from '../../live/live-store.ts';
import { createDirectory } from '../../live/directory.ts';
import { FakeSocket, fakeHttp, memoryStorage } from '../../test-support/fakes.ts';
import { SessionContext, type SessionContextValue } from '../session/session-context.tsx';
import { createDraftStore } from './drafts.ts';
import { PendingItem } from './pending-item.tsx';
import { fillTemplate, parameterCount } from './template-picker.tsx';

afterEach(cleanup);

const whatsapp = { id: 'ch', kind: 'whatsapp', name: 'WhatsApp', enabled: true, webhookUrl: null, createdAt: '', config: { templates: [{ name: 'order_update', language: 'fa', body: 'سلام {{1}}، سفارش شما {{2}} است.' }] } };

function setup() {
  const storage = memoryStorage();
  const http = fakeHttp({ '/channels': () => ({ items: [whatsapp] }), '/inbox': () => ({ items: [], nextCursor: null }), '/mentions': () => ({ items: [] }) });
  const live = createLiveStore({ http, self: { id: 'me', name: 'Me' }, socketUrl: 'ws://t', storage, workspaceId: 'w', onUnauthenticated: () => undefined, createSocket: (u) => new FakeSocket(u) as unknown as WebSocket });
  const value: SessionContextValue = {
    session: { agent: { id: 'me', name: 'Me', email: 'me@x.test', handle: 'me', role: 'agent', skills: [], createdAt: '' }, workspace: { id: 'w', name: 'Shop', slug: 'shop' }, limits: { messageMaxChars: 1000, uploadMaxBytes: 1000 } },
    http, live, directory: createDirectory(http), drafts: createDraftStore(storage, 'w.me'), signOut: async () => undefined,
  };
  return { live, wrap: (node: React.ReactNode) => <I18nextProvider i18n={createConsoleI18n('fa')}><SessionContext.Provider value={value}>{node}</SessionContext.Provider></I18nextProvider> };
}

test('a reply refused outside the WhatsApp window offers the approved templates and sends the chosen one instead', async () => {
  const { live, wrap } = setup();
  live.start();
  const socket = FakeSocket.latest();
  socket.open(1);
  const refused = { idempotencyKey: 'k-1', conversationId: 'c1', body: 'سلام!', private: false, channel: 'whatsapp' as const, content: {}, createdAt: '', state: 'failed' as const, error: { code: 'conversation.whatsapp_window_closed', detail: 'closed' } };
  render(wrap(<PendingItem item={refused} />));
  await screen.findByTestId('template-picker');
  const send = screen.getByTestId('send-template') as HTMLButtonElement;
  expect(send.disabled).toBe(true);
  fireEvent.change(screen.getByTestId('template-value-1'), { target: { value: 'سارا' } });
  fireEvent.change(screen.getByTestId('template-value-2'), { target: { value: 'ارسال شده' } });
  fireEvent.click(send);
  const frame = socket.sent.find((f) => f.type === 'message.send');
  expect(frame).toMatchObject({ conversationId: 'c1', channel: 'whatsapp', body: 'سلام سارا، سفارش شما ارسال شده است.', content: { template: { name: 'order_update', language: 'fa', parameters: ['سارا', 'ارسال شده'] } } });
  expect(live.getSnapshot().outbox.some((i) => i.idempotencyKey === 'k-1')).toBe(false);
});

test('placeholders are counted once each and left visible until filled', () => {
  expect(parameterCount('Hi {{1}}, {{2}} and {{1}} again')).toBe(2);
  expect(fillTemplate('Hi {{1}}, {{2}}', ['Lan'])).toBe('Hi Lan, {{2}}');
});
