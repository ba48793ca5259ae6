// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { json, mountOnFakeServer } from './mounted-widget.fixtures.tsx';
import { aMessage } from '../state/widget.fixtures.ts';

function render() {
  return mountOnFakeServer({
    route: ({ path }) => (path.endsWith('/rating') ? json(200, { ok: true }) : json(404, { status: 404, code: 'test.unrouted', detail: path })),
  });
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
