// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { json, mountOnFakeServer } from './mounted-widget.fixtures.tsx';
import type { WidgetRule } from '@tandem/protocol';
import type { WidgetLocale } from '../state/widget-state.ts';
import { aProactiveAnswer, aWidgetRule, EXPOSURE_ID, RULE_ID } from '../state/widget.fixtures.ts';
import { FakeSocket } from '../transport/fake-socket.fixtures.ts';

function render(options: { locale?: WidgetLocale; rules?: WidgetRule[] } = {}) {
  const { controller, shadow, calls, byTestId } = mountOnFakeServer({
    locale: options.locale,
    open: false,
    createSocket: () => new FakeSocket() as unknown as WebSocket,
    route: ({ path }) => {
      if (path === '/proactive') return json(200, aProactiveAnswer({ rules: options.rules ?? [] }));
      if (path === '/proactive/exposures') return json(201, { id: EXPOSURE_ID, outcome: 'shown', reason: null });
      if (path.startsWith('/proactive/')) return new Response(null, { status: 204 });
      if (path === '/guides') return json(200, { items: [] });
      if (path.endsWith('/steps')) return json(200, { runId: 'run-1', stepId: 'start', text: { en: 'Which order?' }, choices: [], end: null });
      if (path === '/conversations') return json(200, { items: [] });
      return json(202, { ok: true });
    },
  });
  const show = (action: Partial<WidgetRule['action']> = {}) =>
    act(() => controller.store.dispatch({ type: 'proactive.shown', prompt: { exposureId: EXPOSURE_ID, ruleId: RULE_ID, action: aWidgetRule({ kind: 'page_view' }, { action }).action } }));
  const click = (element: Element | null | undefined) =>
    act(() => {
      if (!element) throw new Error('nothing to click');
      (element as HTMLElement).click();
    });
  const engagements = () => calls.filter((c) => c.path === `/proactive/exposures/${EXPOSURE_ID}/engagement`).map((c) => c.body);
  return { controller, shadow, byTestId, show, click, calls, engagements };
}

describe('the proactive prompt', () => {
  test('is a labelled dialog beside the launcher whose text is text, and it takes no focus', () => {
    const { byTestId, show, shadow, controller } = render();
    const text = '<b>10% off</b> <img src=x onerror=alert(1)> today';
    show({ text });
    const card = byTestId('tandem-proactive');
    expect(card?.getAttribute('role')).toBe('dialog');
    expect(card?.getAttribute('aria-label')).toBe('A suggestion from Acme Support');
    expect(shadow.getElementById(card?.getAttribute('aria-describedby') ?? '')?.textContent).toBe(text);
    expect(card?.querySelector('b, img')).toBeNull();
    expect(shadow.activeElement).toBeNull();
    expect(controller.store.getState().isOpen).toBe(false);
  });

  test('a quick reply opens the panel and sends its text as the visitor’s message, keeping their draft', async () => {
    const { byTestId, show, click, controller, engagements } = render();
    controller.composer.setDraft('half-written');
    show({ quickReplies: ['Track my order', 'Returns'] });
    click(byTestId('tandem-proactive')?.querySelector('.chip'));
    await vi.waitFor(() => expect(controller.store.getState().outbox.map((item) => item.body)).toEqual(['Track my order']));
    expect(controller.store.getState().isOpen).toBe(true);
    expect(controller.store.getState().draft).toBe('half-written');
    expect(byTestId('tandem-proactive')).toBeNull();
    await vi.waitFor(() => expect(engagements()).toEqual([{ engagement: 'clicked' }]));
  });

  test('"Don\'t show me these" turns proactive messages off on the server and hides the card', async () => {
    const { byTestId, show, click, calls, engagements } = render();
    show();
    click(byTestId('tandem-proactive-dnd'));
    expect(byTestId('tandem-proactive')).toBeNull();
    await vi.waitFor(() => expect(calls).toContainEqual({ method: 'PUT', path: '/proactive/do-not-disturb', body: { on: true } }));
    expect(engagements()).toEqual([{ engagement: 'dismissed' }]);
  });

  test('the close button dismisses it and hands focus to the launcher', async () => {
    const { byTestId, show, click, shadow, engagements } = render();
    show();
    click(byTestId('tandem-proactive-close'));
    expect(byTestId('tandem-proactive')).toBeNull();
    expect(shadow.activeElement).toBe(byTestId('tandem-launcher'));
    await vi.waitFor(() => expect(engagements()).toEqual([{ engagement: 'dismissed' }]));
  });

  test('suggested articles open in a new tab, and only http(s) links are drawn', async () => {
    const { byTestId, show, click, engagements } = render();
    show({
      kind: 'suggest_articles',
      articles: [
        { id: 'a1', title: 'Returns', url: '/help/acme/en/returns' },
        { id: 'a2', title: 'Evil', url: 'javascript:alert(1)' },
      ],
    });
    const links = [...(byTestId('tandem-proactive')?.querySelectorAll('a') ?? [])];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([['Returns', 'https://tandem.test/help/acme/en/returns']]);
    expect(links[0]?.getAttribute('target')).toBe('_blank');
    expect(links[0]?.getAttribute('rel')).toContain('noopener');
    links[0]?.addEventListener('click', (event) => event.preventDefault()); // the test page must not navigate
    click(links[0]);
    await vi.waitFor(() => expect(engagements()).toEqual([{ engagement: 'clicked' }]));
  });

  test('"Talk to a person" opens the panel and asks for a person like the panel’s button', () => {
    const { byTestId, show, click, controller } = render();
    show({ kind: 'offer_person', text: 'Want to talk it through with someone?' });
    click(byTestId('tandem-proactive')?.querySelector('.button'));
    expect(controller.store.getState().isOpen).toBe(true);
    expect(controller.store.getState().isHandoffRequested).toBe(true);
    expect(byTestId('tandem-info')?.textContent).toContain('A person will reply here');
  });

  test('"Open the guide" opens the panel on that guide', async () => {
    const { byTestId, show, click, calls } = render();
    show({ kind: 'open_guide', guideKey: 'returns' });
    click(byTestId('tandem-proactive')?.querySelector('.button'));
    await vi.waitFor(() => expect(byTestId('tandem-guide-step')?.textContent).toContain('Which order?'));
    expect(calls.some((c) => c.method === 'POST' && c.path === '/guides/returns/steps')).toBe(true);
    expect(byTestId('tandem-panel')).not.toBeNull();
  });

  test('in Persian it is right-to-left and speaks Persian', () => {
    const { byTestId, show } = render({ locale: 'fa' });
    show({ kind: 'offer_person', text: 'سوالی دارید؟' });
    const card = byTestId('tandem-proactive');
    expect(card?.getAttribute('dir')).toBe('rtl');
    expect(card?.closest('.root')?.getAttribute('dir')).toBe('rtl');
    expect(card?.getAttribute('lang')).toBe('fa');
    expect(byTestId('tandem-proactive-dnd')?.textContent).toBe('این‌ها را نشانم نده');
    expect(card?.querySelector('.button')?.textContent).toBe('گفتگو با کارشناس');
    expect(card?.getAttribute('aria-label')).toBe('پیشنهادی از Acme Support');
  });

  test('opening the panel puts the prompt away', () => {
    const { byTestId, show, click } = render();
    show();
    click(byTestId('tandem-launcher'));
    expect(byTestId('tandem-panel')).not.toBeNull();
    expect(byTestId('tandem-proactive')).toBeNull();
    click(byTestId('tandem-launcher'));
    expect(byTestId('tandem-proactive')).toBeNull(); // answered, not just hidden
  });

  test('Tandem.track fires a waiting host-event rule; after "Don\'t show me these" the runner stops', async () => {
    const rule = aWidgetRule({ kind: 'host_event', event: 'cart_updated', where: [{ field: 'cart_value', op: 'gt', value: 100 }] });
    const { byTestId, click, controller, calls } = render({ rules: [rule] });
    await controller.run();
    await vi.waitFor(() => expect(calls.some((c) => c.path === '/proactive')).toBe(true));
    await controller.track('cart_updated', { cart_value: 150 });
    await vi.waitFor(() => expect(byTestId('tandem-proactive')?.textContent).toContain('Need a hand with your order?'));
    const claims = () => calls.filter((c) => c.path === '/proactive/exposures');
    expect(claims()).toHaveLength(1);
    click(byTestId('tandem-proactive-dnd'));
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    // Stopped for good: the next page fetches no rules.
    history.pushState(null, '', '/cart');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(calls.filter((c) => c.path === '/proactive')).toHaveLength(1);
    expect(claims()).toHaveLength(1);
  });
});
