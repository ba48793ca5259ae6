// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { json, mountOnFakeServer } from './mounted-widget.fixtures.tsx';
import type { WidgetLocale } from '../state/widget-state.ts';

function render(options: { locale?: WidgetLocale; failSaves?: boolean } = {}) {
  let stored = { automation: true, behaviour: false, marketing: false };
  const { controller, shadow, calls, byTestId } = mountOnFakeServer({
    locale: options.locale,
    route: ({ method, path, body }) => {
      if (path === '/consent' && method === 'GET') return json(200, stored);
      if (path === '/consent' && options.failSaves) return json(503, { status: 503, code: 'server.shutting_down', detail: 'later' });
      if (path === '/consent') return json(200, (stored = { ...stored, ...(body as object) }));
      return json(200, { items: [] });
    },
  });
  const click = (id: string) =>
    act(() => {
      const element = byTestId(id);
      if (!element) throw new Error(`no ${id}`);
      element.click();
    });
  const checked = (purpose: string) => byTestId(`tandem-consent-${purpose}`)?.getAttribute('aria-checked');
  const saves = () => calls.filter((c) => c.method === 'PUT' && c.path === '/consent').map((c) => c.body);
  /** Opens the view and waits for the server's values. */
  const openPrivacy = async () => {
    click('tandem-privacy-open');
    await vi.waitFor(() => expect(byTestId('tandem-consent-behaviour')).not.toBeNull());
  };
  return { controller, shadow, byTestId, click, checked, saves, openPrivacy, calls };
}

describe('the privacy view', () => {
  test('opens from the header and shows the choices the server holds, as labelled switches', async () => {
    const { byTestId, shadow, checked, openPrivacy } = render();
    const opener = byTestId('tandem-privacy-open');
    expect(opener?.getAttribute('aria-label')).toBe('Privacy choices');
    expect(opener?.getAttribute('aria-expanded')).toBe('false');
    await openPrivacy();
    expect(opener?.getAttribute('aria-expanded')).toBe('true');
    expect(byTestId('tandem-panel')?.getAttribute('data-view')).toBe('privacy');
    expect([checked('automation'), checked('behaviour'), checked('marketing')]).toEqual(['true', 'false', 'false']);
    const behaviour = byTestId('tandem-consent-behaviour');
    expect(behaviour?.getAttribute('role')).toBe('switch');
    expect(shadow.getElementById(behaviour?.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Personalised help based on pages I visit');
    expect(shadow.activeElement?.textContent).toBe('Privacy choices');
  });

  test('a toggle is saved at once, for that purpose only, and says so', async () => {
    const { click, checked, saves, byTestId, openPrivacy } = render();
    await openPrivacy();
    click('tandem-consent-behaviour');
    expect(checked('behaviour')).toBe('true');
    await vi.waitFor(() => expect(byTestId('tandem-privacy-status')?.textContent).toBe('Saved.'));
    click('tandem-consent-marketing');
    await vi.waitFor(() => expect(saves().length).toBe(2));
    expect(saves()).toEqual([{ behaviour: true }, { marketing: true }]);
    expect([checked('automation'), checked('behaviour'), checked('marketing')]).toEqual(['true', 'true', 'true']);
  });

  test('a failed save puts the switch back and says the choice was not saved', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { click, checked, byTestId, openPrivacy, saves } = render({ failSaves: true });
    await openPrivacy();
    click('tandem-consent-automation');
    await vi.waitFor(() => expect(byTestId('tandem-privacy-status')?.textContent).toBe("Your choice couldn't be saved. Please try again."));
    expect(saves()).toEqual([{ automation: false }]);
    expect(checked('automation')).toBe('true');
    expect(byTestId('tandem-privacy-status')?.className).toContain('error');
    warn.mockRestore();
  });

  test('in Persian it is right-to-left and speaks Persian', async () => {
    const { byTestId, shadow, openPrivacy } = render({ locale: 'fa' });
    await openPrivacy();
    expect(byTestId('tandem-panel')?.getAttribute('dir')).toBe('rtl');
    const view = byTestId('tandem-privacy');
    expect(shadow.getElementById(view?.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('انتخاب‌های حریم خصوصی');
    expect(view?.textContent).toContain('اخبار و پیشنهادهای ویژه');
    expect(byTestId('tandem-privacy-back')?.textContent).toBe('بازگشت به گفتگو');
  });

  test('back returns to the conversation, focus on the header button that opened the view', async () => {
    const { click, byTestId, shadow, openPrivacy } = render();
    await openPrivacy();
    click('tandem-privacy-back');
    expect(byTestId('tandem-privacy')).toBeNull();
    expect(byTestId('tandem-panel')?.getAttribute('data-view')).toBe('chat');
    expect(shadow.activeElement).toBe(byTestId('tandem-privacy-open'));
  });
});
