// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { act } from 'preact/test-utils';
import { createWidgetController } from '../app/widget-controller.ts';
import { createSafeStorage } from '../state/safe-storage.ts';
import type { WidgetLocale } from '../state/widget-state.ts';
import { aConfig, aMessage } from '../state/widget.fixtures.ts';
import type { WidgetConfig } from '@tandem/protocol';
import { mountWidget } from './mount-widget.tsx';

let unmount: (() => void) | null = null;

afterEach(() => {
  unmount?.();
  unmount = null;
});

function render(options: { locale?: WidgetLocale; config?: Partial<WidgetConfig>; isOpen?: boolean } = {}) {
  const controller = createWidgetController({
    workspaceId: 'ws-1',
    apiOrigin: 'https://tandem.test',
    locale: options.locale ?? 'en',
    storage: createSafeStorage(() => null),
    fetchFn: (() => new Promise(() => undefined)) as unknown as typeof fetch,
  });
  controller.store.dispatch({ type: 'config.loaded', config: aConfig(options.config) });
  if (options.isOpen ?? true) controller.open();
  act(() => {
    unmount = mountWidget(controller);
  });
  const shadow = document.querySelector('tandem-widget')?.shadowRoot;
  if (!shadow) throw new Error('no shadow root');
  const byTestId = (id: string) => shadow.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  return { controller, shadow, byTestId };
}

describe('the chat panel', () => {
  test('in Persian it is right-to-left and speaks Persian', () => {
    const { byTestId } = render({ locale: 'fa' });
    const panel = byTestId('tandem-panel');
    expect(panel?.getAttribute('dir')).toBe('rtl');
    expect(panel?.getAttribute('lang')).toBe('fa');
    expect(byTestId('tandem-handoff')?.textContent).toBe('گفتگو با کارشناس');
    expect(byTestId('tandem-composer')?.getAttribute('aria-label')).toBe('پیام');
  });

  test('in English it is left-to-right, a labelled dialog', () => {
    const { byTestId, shadow } = render();
    const panel = byTestId('tandem-panel');
    expect(panel?.getAttribute('dir')).toBe('ltr');
    expect(panel?.getAttribute('role')).toBe('dialog');
    const title = shadow.getElementById(panel?.getAttribute('aria-labelledby') ?? '');
    expect(title?.textContent).toBe('Acme Support');
  });

  test('setLocale switches the language and direction live', () => {
    const { controller, byTestId } = render();
    act(() => controller.setLocale('fa'));
    expect(byTestId('tandem-panel')?.getAttribute('dir')).toBe('rtl');
    act(() => controller.setLocale('vi'));
    expect(byTestId('tandem-handoff')?.textContent).toBe('Nói chuyện với nhân viên');
  });

  test('Escape closes it and gives focus back to the launcher', () => {
    const { byTestId, shadow } = render();
    act(() => {
      byTestId('tandem-panel')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(byTestId('tandem-panel')).toBeNull();
    expect(shadow.activeElement).toBe(byTestId('tandem-launcher'));
  });

  test('the help search is not drawn without help search, and comes first and focused with it', () => {
    expect(render().byTestId('tandem-search')).toBeNull();
    unmount?.();
    const { byTestId, shadow } = render({ config: { helpSearch: true } });
    const search = byTestId('tandem-search');
    expect(search).not.toBeNull();
    expect(shadow.activeElement).toBe(search);
  });

  test('message text is text: markup is shown, not run, and only http(s) becomes a link', () => {
    const { controller, byTestId, shadow } = render();
    const body = '<script>alert(1)</script> <img src=x onerror=alert(1)> javascript:alert(1) https://ok.example/x';
    act(() => controller.store.dispatch({ type: 'message.received', message: aMessage(1, { body }) }));
    const bubble = byTestId('tandem-message');
    expect(bubble?.textContent).toBe(body);
    expect(shadow.querySelector('script, [data-testid="tandem-message"] img')).toBeNull();
    const anchors = [...(bubble?.querySelectorAll('a') ?? [])];
    expect(anchors.map((a) => a.getAttribute('href'))).toEqual(['https://ok.example/x']);
    expect(anchors[0]?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
  });

  test('own messages carry their delivery state for tests and the eye', () => {
    const { controller, byTestId } = render();
    act(() => {
      controller.store.dispatch({ type: 'message.received', message: aMessage(1, { author: 'customer' }) });
    });
    const bubble = byTestId('tandem-message');
    expect(bubble?.dataset.author).toBe('customer');
    expect(bubble?.dataset.status).toBe('sent');
  });

  test('the offline banner appears while the connection is down', () => {
    const { controller, byTestId } = render();
    expect(byTestId('tandem-offline')).toBeNull();
    act(() => controller.store.dispatch({ type: 'connection.changed', status: 'offline' }));
    expect(byTestId('tandem-offline')?.getAttribute('role')).toBe('status');
  });

  test('when away, the email field is offered right away', () => {
    const { byTestId } = render({ config: { availability: { open: false, nextOpenAt: null } } });
    expect(byTestId('tandem-email')).not.toBeNull();
  });

  test('a closed panel shows unread replies on the launcher badge', () => {
    const { controller, byTestId } = render({ isOpen: false });
    act(() => controller.store.dispatch({ type: 'message.received', message: aMessage(1, { author: 'bot' }) }));
    expect(byTestId('tandem-unread')?.textContent).toBe('1');
    expect(byTestId('tandem-launcher')?.getAttribute('aria-label')).toBe('Open chat, 1 unread message');
  });
});
