// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import { act } from 'preact/test-utils';
import { createWidgetController } from '../app/widget-controller.ts';
import { createSafeStorage } from '../state/safe-storage.ts';
import { aConfig } from '../state/widget.fixtures.ts';
import { mountWidget } from './mount-widget.tsx';

let unmount: (() => void) | null = null;
afterEach(() => unmount?.());

function renderOpen() {
  const controller = createWidgetController({
    workspaceId: 'ws-1',
    apiOrigin: 'https://tandem.test',
    locale: 'en',
    storage: createSafeStorage(() => null),
    fetchFn: (() => new Promise(() => undefined)) as unknown as typeof fetch,
  });
  controller.store.dispatch({ type: 'config.loaded', config: aConfig() });
  controller.open();
  act(() => {
    unmount = mountWidget(controller);
  });
  const shadow = document.querySelector('tandem-widget')?.shadowRoot;
  const composer = shadow?.querySelector<HTMLTextAreaElement>('[data-testid="tandem-composer"]');
  if (!shadow || !composer) throw new Error('not rendered');
  const type = (text: string) =>
    act(() => {
      composer.value = text;
      composer.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const press = (init: KeyboardEventInit) =>
    act(() => {
      composer.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
    });
  return { controller, shadow, type, press };
}

test('Enter sends the draft, which then shows as queued until the server acknowledges it', async () => {
  const { controller, shadow, type, press } = renderOpen();
  type('Where is my parcel?');
  press({ key: 'Enter' });
  await act(async () => {
    await Promise.resolve();
  });
  expect(controller.store.getState().outbox.map((item) => item.body)).toEqual(['Where is my parcel?']);
  expect(controller.store.getState().draft).toBe('');
  const bubble = shadow.querySelector<HTMLElement>('[data-testid="tandem-message"]');
  expect(bubble?.dataset.status).toBe('queued');
  expect(bubble?.textContent).toBe('Where is my parcel?');
});

test('Shift+Enter and Enter while composing (IME) do not send', () => {
  const { controller, type, press } = renderOpen();
  type('line one');
  press({ key: 'Enter', shiftKey: true });
  press({ key: 'Enter', isComposing: true });
  expect(controller.store.getState().outbox).toEqual([]);
  expect(controller.store.getState().draft).toBe('line one');
});

test('the file input accepts what the server accepts', () => {
  const { shadow } = renderOpen();
  expect(shadow.querySelector('[data-testid="tandem-file"]')?.getAttribute('accept')).toBe('image/*,application/pdf');
});

test('a chosen file that is too large is refused before any upload, with a clear message', () => {
  const { controller, shadow } = renderOpen();
  const input = shadow.querySelector<HTMLInputElement>('[data-testid="tandem-file"]');
  if (!input) throw new Error('no file input');
  const big = new File([new Uint8Array(6 * 1024 * 1024)], 'scan.pdf', { type: 'application/pdf' });
  Object.defineProperty(input, 'files', { value: [big], configurable: true });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  expect(controller.store.getState().error).toMatchObject({ key: 'upload.tooLarge', params: { name: 'scan.pdf' } });
  expect(shadow.querySelector('[data-testid="tandem-error"]')?.textContent).toContain('“scan.pdf” is too large. Files can be up to 5 MB.');
  expect(controller.store.getState().outbox).toEqual([]);
});
