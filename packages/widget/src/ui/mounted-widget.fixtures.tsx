// A widget mounted on the page against a fake server, for the UI tests: each call below
// /api/v1/widget/ws-1 is recorded and answered by the test's `route` (the session is answered here).
import { afterEach } from 'vitest';
import { act } from 'preact/test-utils';
import { createWidgetController } from '../app/widget-controller.ts';
import { createSafeStorage } from '../state/safe-storage.ts';
import type { WidgetLocale } from '../state/widget-state.ts';
import { aConfig, CUSTOMER_ID } from '../state/widget.fixtures.ts';
import { mountWidget } from './mount-widget.tsx';

export type Call = { method: string; path: string; body: unknown };

export const json = (status: number, payload: unknown) => new Response(JSON.stringify(payload), { status, headers: { 'content-type': 'application/json' } });

let unmount: (() => void) | null = null;

afterEach(() => {
  unmount?.();
  unmount = null;
});

export function mountOnFakeServer(options: {
  route: (call: Call) => Response;
  locale?: WidgetLocale;
  /** Opens the panel before mounting (the launcher click). */
  open?: boolean;
  createSocket?: (url: string) => WebSocket;
}) {
  const calls: Call[] = [];
  const fetchFn = (async (input: string, init: RequestInit) => {
    const call = { method: init.method ?? 'GET', path: new URL(input).pathname.replace('/api/v1/widget/ws-1', ''), body: init.body ? JSON.parse(String(init.body)) : null };
    calls.push(call);
    if (call.path === '/sessions') return json(201, { token: 'tok-1', customerId: CUSTOMER_ID, visitorId: 'v1' });
    return options.route(call);
  }) as unknown as typeof fetch;
  const controller = createWidgetController({
    workspaceId: 'ws-1',
    apiOrigin: 'https://tandem.test',
    locale: options.locale ?? 'en',
    storage: createSafeStorage(() => null),
    fetchFn,
    ...(options.createSocket ? { createSocket: options.createSocket } : {}),
  });
  controller.store.dispatch({ type: 'config.loaded', config: aConfig() });
  if (options.open !== false) controller.open();
  act(() => {
    unmount = mountWidget(controller);
  });
  const shadow = document.querySelector('tandem-widget')?.shadowRoot;
  if (!shadow) throw new Error('no shadow root');
  const byTestId = (id: string) => shadow.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  return { controller, shadow, calls, byTestId };
}
