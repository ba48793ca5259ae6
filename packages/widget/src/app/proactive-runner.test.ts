// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ExposureClaim, WidgetProactive } from '@tandem/protocol';
import { createSafeStorage, type KeyValueStorage } from '../state/safe-storage.ts';
import { createInitialState } from '../state/widget-state.ts';
import { createWidgetStore } from '../state/widget.store.ts';
import { aProactiveAnswer, aWidgetRule, EXPOSURE_ID, RULE_ID } from '../state/widget.fixtures.ts';
import type { ExposureClaimBody } from '../transport/wire-types.ts';
import { createProactiveRunner, type ProactiveRunner } from './proactive-runner.ts';

const OTHER_RULE_ID = '00000000-0000-4000-8000-0000000000r2';
const running: ProactiveRunner[] = [];

type Outcome = Pick<ExposureClaim, 'outcome' | 'reason'>;

function setup(options: { answer?: WidgetProactive; outcome?: Outcome; storage?: KeyValueStorage; remembersVisits?: boolean; now?: () => number; loadedAt?: number } = {}) {
  const gets: string[] = [];
  const claims: ExposureClaimBody[] = [];
  const store = createWidgetStore(createInitialState('en'));
  const runner = createProactiveRunner({
    api: {
      getProactive: async (sessionId) => {
        gets.push(sessionId);
        return options.answer ?? aProactiveAnswer();
      },
      claimExposure: async (body) => {
        claims.push(body);
        return { id: EXPOSURE_ID, ...(options.outcome ?? { outcome: 'shown', reason: null }) };
      },
    },
    store,
    win: window,
    storage: options.storage ?? memoryStorage(),
    remembersVisits: options.remembersVisits ?? true,
    tabStorage: memoryStorage(),
    keyPrefix: 'tandem:ws-1',
    ...(options.now ? { now: options.now } : {}),
    ...(options.loadedAt !== undefined ? { loadedAt: options.loadedAt } : {}),
  });
  running.push(runner);
  return { runner, store, gets, claims };
}

function memoryStorage(): KeyValueStorage {
  return createSafeStorage(() => null);
}

/** Lets the fake server's promises settle without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2025-03-01T10:00:00Z') });
  history.replaceState(null, '', '/products/lamp');
});

afterEach(() => {
  for (const runner of running.splice(0)) runner.stop();
  vi.useRealTimers();
});

describe('the proactive runner', () => {
  test('a time-on-page rule claims once its seconds have passed, and not before', async () => {
    const { runner, claims, gets } = setup({ answer: aProactiveAnswer({ rules: [aWidgetRule({ kind: 'time_on_page', seconds: 30 })] }) });
    runner.start();
    await settle();
    expect(gets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(claims).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(claims).toEqual([
      { ruleId: RULE_ID, sessionId: gets[0], url: 'http://localhost:3000/products/lamp', typing: false, purchasing: false },
    ]);
    expect(gets[0]).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  test('a timer that fires a hair before its moment, the clock ticking over just after, still claims', async () => {
    // performance.timeOrigin has fractions of a millisecond; timers drop them. Scripted readings:
    // the tick sees 2999.5 ms on the page, anything read after it 3000.5 ms.
    const readings: number[] = [];
    const now = () => readings.shift() ?? Date.now();
    const start = Date.now();
    const { runner, claims } = setup({ answer: aProactiveAnswer({ rules: [aWidgetRule({ kind: 'time_on_page', seconds: 3 })] }), now, loadedAt: start });
    runner.start();
    await settle();
    readings.push(start + 2999.5, start + 3000.5);
    await vi.advanceTimersByTimeAsync(3000);
    await vi.advanceTimersByTimeAsync(5);
    expect(claims).toHaveLength(1);
  });

  test.each<[string, Outcome]>([
    ['holdout', { outcome: 'holdout', reason: null }],
    ['suppressed', { outcome: 'suppressed', reason: 'typing' }],
  ])('a %s answer shows nothing', async (_name, outcome) => {
    const { runner, store, claims } = setup({ answer: aProactiveAnswer({ rules: [aWidgetRule({ kind: 'page_view' })] }), outcome });
    runner.start();
    await settle();
    expect(claims).toHaveLength(1);
    expect(store.getState().proactive).toBeNull();
  });

  test('a shown answer puts the rule’s message next to the launcher', async () => {
    const rule = aWidgetRule({ kind: 'page_view' });
    const { runner, store } = setup({ answer: aProactiveAnswer({ rules: [rule] }) });
    runner.start();
    await settle();
    expect(store.getState().proactive).toEqual({ exposureId: EXPOSURE_ID, ruleId: RULE_ID, action: rule.action });
    expect(store.getState().isOpen).toBe(false);
  });

  test.each([
    ['the visitor asked not to be disturbed', { doNotDisturb: true }],
    ['the session already had its share', { sessionCapReached: true }],
  ])('nothing is claimed when %s', async (_name, flags) => {
    const { runner, claims } = setup({ answer: aProactiveAnswer({ rules: [aWidgetRule({ kind: 'page_view' })], ...flags }) });
    runner.start();
    await settle();
    runner.noteEvent('anything', {});
    await vi.advanceTimersByTimeAsync(60_000);
    expect(claims).toEqual([]);
  });

  test('a rule is claimed once per page, and again on the next page', async () => {
    const rules = [aWidgetRule({ kind: 'page_view' })];
    const { runner, claims, gets } = setup({ answer: aProactiveAnswer({ rules }), outcome: { outcome: 'holdout', reason: null } });
    runner.start();
    await settle();
    runner.noteEvent('cart_updated', {});
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 0, relatedTarget: null }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(claims).toHaveLength(1);
    history.pushState(null, '', '/products/desk');
    await vi.advanceTimersByTimeAsync(300);
    expect(gets).toHaveLength(2);
    expect(claims.map((c) => c.url)).toEqual(['http://localhost:3000/products/lamp', 'http://localhost:3000/products/desk']);
  });

  test('after a show, no other rule is claimed on the page; after a holdout, others still are', async () => {
    const rules = [aWidgetRule({ kind: 'page_view' }), aWidgetRule({ kind: 'exit_intent' }, { id: OTHER_RULE_ID })];
    const shown = setup({ answer: aProactiveAnswer({ rules }) });
    shown.runner.start();
    await settle();
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 0, relatedTarget: null }));
    await settle();
    expect(shown.claims.map((c) => c.ruleId)).toEqual([RULE_ID]);
    shown.runner.stop();

    const heldOut = setup({ answer: aProactiveAnswer({ rules }), outcome: { outcome: 'holdout', reason: null } });
    heldOut.runner.start();
    await settle();
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 0, relatedTarget: null }));
    await settle();
    expect(heldOut.claims.map((c) => c.ruleId)).toEqual([RULE_ID, OTHER_RULE_ID]);
  });

  test('a session-wide suppression stops every rule for the page', async () => {
    const rules = [aWidgetRule({ kind: 'page_view' }), aWidgetRule({ kind: 'exit_intent' }, { id: OTHER_RULE_ID })];
    const { runner, claims } = setup({ answer: aProactiveAnswer({ rules }), outcome: { outcome: 'suppressed', reason: 'session_cap' } });
    runner.start();
    await settle();
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 0, relatedTarget: null }));
    await settle();
    expect(claims.map((c) => c.ruleId)).toEqual([RULE_ID]);
  });

  test('exit intent is the pointer leaving through the top of the window', async () => {
    const { runner, claims } = setup({ answer: aProactiveAnswer({ rules: [aWidgetRule({ kind: 'exit_intent' })] }) });
    runner.start();
    await settle();
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 400, relatedTarget: null })); // out through the bottom
    document.body.dispatchEvent(new MouseEvent('mouseout', { clientY: 0, relatedTarget: document.documentElement, bubbles: true })); // onto another element
    await settle();
    expect(claims).toEqual([]);
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 0, relatedTarget: null }));
    await settle();
    expect(claims).toHaveLength(1);
  });

  test('a host event fires its rule only when its condition holds, even if tracked before the rules arrive', async () => {
    const trigger = { kind: 'host_event', event: 'cart_updated', where: [{ field: 'cart_value', op: 'gt', value: 100 }] } as const;
    const { runner, claims } = setup({ answer: aProactiveAnswer({ rules: [aWidgetRule({ ...trigger, where: [...trigger.where] })] }) });
    runner.noteEvent('cart_updated', { cart_value: 80 });
    runner.start();
    await settle();
    expect(claims).toEqual([]);
    runner.noteEvent('cart_viewed', { cart_value: 150 });
    await settle();
    expect(claims).toEqual([]);
    runner.noteEvent('cart_updated', { cart_value: 150 });
    await settle();
    expect(claims).toHaveLength(1);
  });

  test('repeat visits count the views of this page across page loads of the last week', async () => {
    const storage = memoryStorage();
    const answer = aProactiveAnswer({ rules: [aWidgetRule({ kind: 'repeat_visits', visits: 3 })] });
    const load = async (path: string) => {
      history.replaceState(null, '', path);
      const page = setup({ answer, storage });
      page.runner.start();
      await settle();
      page.runner.stop();
      return page.claims.length;
    };
    expect(await load('/pricing')).toBe(0);
    expect(await load('/pricing#plans')).toBe(0); // the same page: the hash is not another URL
    expect(await load('/about')).toBe(0);
    expect(await load('/pricing')).toBe(1);
    vi.setSystemTime(new Date('2025-03-09T10:00:00Z'));
    expect(await load('/pricing')).toBe(0); // a week later, only this view counts
  });

  test('when the browser asks not to be tracked, no visit log is kept', async () => {
    const storage = memoryStorage();
    const answer = aProactiveAnswer({ rules: [aWidgetRule({ kind: 'repeat_visits', visits: 2 })] });
    for (let load = 0; load < 3; load++) {
      const page = setup({ answer, storage, remembersVisits: false });
      page.runner.start();
      await settle();
      page.runner.stop();
      expect(page.claims).toEqual([]);
    }
    expect(storage.getItem('tandem:ws-1:page-visits')).toBeNull();
  });

  test('form idle counts from the last keystroke in a field of the page', async () => {
    const { runner, claims } = setup({ answer: aProactiveAnswer({ rules: [aWidgetRule({ kind: 'form_idle', seconds: 10 })] }) });
    const field = document.createElement('input');
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    document.body.append(field, checkbox);
    runner.start();
    await settle();
    checkbox.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(claims).toEqual([]); // ticking a box is not filling in a form
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    await vi.advanceTimersByTimeAsync(9_000);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(claims).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(claims).toHaveLength(1);
    field.remove();
    checkbox.remove();
  });

  test('scroll depth is read from the page, throttled', async () => {
    const { runner, claims } = setup({ answer: aProactiveAnswer({ rules: [aWidgetRule({ kind: 'scroll_depth', percent: 70 })] }) });
    vi.spyOn(document.documentElement, 'scrollHeight', 'get').mockReturnValue(2_000);
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(500);
    const scrollY = vi.spyOn(window, 'scrollY', 'get').mockReturnValue(500);
    runner.start();
    await settle();
    window.dispatchEvent(new Event('scroll'));
    await vi.advanceTimersByTimeAsync(250);
    expect(claims).toEqual([]); // 50%
    scrollY.mockReturnValue(1_000);
    window.dispatchEvent(new Event('scroll'));
    await vi.advanceTimersByTimeAsync(249);
    expect(claims).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(claims).toHaveLength(1); // 75%
  });

  test('the claim says whether the visitor is typing to us and whether the page is a purchase step', async () => {
    history.replaceState(null, '', '/checkout/payment');
    const { runner, store, claims } = setup({ answer: aProactiveAnswer({ rules: [aWidgetRule({ kind: 'page_view' })] }) });
    store.dispatch({ type: 'draft.changed', draft: 'Where is my' });
    runner.start();
    await settle();
    expect(claims[0]).toMatchObject({ typing: true, purchasing: true });
  });

  test('while the panel is open, a rule’s moment passes unclaimed', async () => {
    const { runner, store, claims } = setup({ answer: aProactiveAnswer({ rules: [aWidgetRule({ kind: 'time_on_page', seconds: 5 })] }) });
    store.dispatch({ type: 'panel.toggled', isOpen: true });
    runner.start();
    await vi.advanceTimersByTimeAsync(5_000);
    store.dispatch({ type: 'panel.toggled', isOpen: false });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(claims).toEqual([]);
  });

  test('navigating away hides a shown prompt and fetches the next page’s rules', async () => {
    const { runner, store, gets } = setup({ answer: aProactiveAnswer({ rules: [aWidgetRule({ kind: 'page_view' })] }) });
    runner.start();
    await settle();
    expect(store.getState().proactive).not.toBeNull();
    history.pushState(null, '', '/products/lamp#reviews');
    await vi.advanceTimersByTimeAsync(300);
    expect(store.getState().proactive).not.toBeNull(); // a hash change is the same page
    history.pushState(null, '', '/cart');
    expect(store.getState().proactive).toBeNull();
    await vi.advanceTimersByTimeAsync(300);
    expect(gets).toEqual([gets[0], gets[0]]); // one session id for the tab
  });

  test('stopped, it claims nothing more', async () => {
    const { runner, claims } = setup({ answer: aProactiveAnswer({ rules: [aWidgetRule({ kind: 'exit_intent' })] }) });
    runner.start();
    await settle();
    runner.stop();
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 0, relatedTarget: null }));
    await settle();
    expect(claims).toEqual([]);
  });
});
