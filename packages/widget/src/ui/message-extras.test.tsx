// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { createWidgetController } from '../app/widget-controller.ts';
import { createSafeStorage } from '../state/safe-storage.ts';
import { aConfig, aMessage, CUSTOMER_ID } from '../state/widget.fixtures.ts';
import { mountWidget } from './mount-widget.tsx';

let unmount: (() => void) | null = null;

afterEach(() => {
  unmount?.();
  unmount = null;
});

function render() {
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  const fetchFn = (async (input: string, init: RequestInit) => {
    const path = new URL(input).pathname.replace('/api/v1/widget/ws-1', '');
    calls.push({ method: init.method ?? 'GET', path, body: init.body ? JSON.parse(String(init.body)) : null });
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (path === '/sessions') return json(201, { token: 'tok-1', customerId: CUSTOMER_ID, visitorId: 'v1' });
    if (path.endsWith('/rating')) return json(200, { ok: true });
    return json(404, { status: 404, code: 'test.unrouted', detail: path });
  }) as unknown as typeof fetch;
  const controller = createWidgetController({ workspaceId: 'ws-1', apiOrigin: 'https://tandem.test', locale: 'en', storage: createSafeStorage(() => null), fetchFn });
  controller.store.dispatch({ type: 'config.loaded', config: aConfig() });
  controller.open();
  act(() => {
    unmount = mountWidget(controller);
  });
  const shadow = document.querySelector('tandem-widget')?.shadowRoot;
  if (!shadow) throw new Error('no shadow root');
  return { controller, shadow, calls };
}

const button = (shadow: ShadowRoot, label: string) => shadow.querySelector<HTMLButtonElement>(`[data-testid="tandem-rating"] button[aria-label="${label}"]`);

describe('rating bot answers', () => {
  test('thumbs down posts the rating for that answer and stays pressed', async () => {
    const { controller, shadow, calls } = render();
    const answer = aMessage(2, { author: 'bot' });
    act(() => {
      controller.store.dispatch({ type: 'message.received', message: aMessage(1, { author: 'customer' }) });
      controller.store.dispatch({ type: 'message.received', message: answer });
    });
    expect(shadow.querySelectorAll('[data-testid="tandem-rating"]')).toHaveLength(1);
    act(() => button(shadow, 'This did not help')?.click());
    await vi.waitFor(() => expect(calls.some((c) => c.path.endsWith('/rating'))).toBe(true));
    expect(calls.find((c) => c.path.endsWith('/rating'))).toEqual({ method: 'POST', path: `/messages/${answer.id}/rating`, body: { helpful: false } });
    expect(button(shadow, 'This did not help')?.getAttribute('aria-pressed')).toBe('true');
    expect(button(shadow, 'This answered my question')?.getAttribute('aria-pressed')).toBe('false');
  });

  test("people's messages get no rating buttons", () => {
    const { controller, shadow } = render();
    act(() => controller.store.dispatch({ type: 'message.received', message: aMessage(1, { author: 'agent' }) }));
    expect(shadow.querySelector('[data-testid="tandem-rating"]')).toBeNull();
  });
});
