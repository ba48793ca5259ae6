// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { createSafeStorage } from '../state/safe-storage.ts';
import { aConfig } from '../state/widget.fixtures.ts';
import { FakeSocket } from '../transport/fake-socket.fixtures.ts';
import type { WidgetConsent, WidgetConsentBody } from '../transport/wire-types.ts';
import { createConsentActions, pickConsent } from './consent.ts';
import { createWidgetController } from './widget-controller.ts';

const doNotTrack = { doNotTrack: '1' } as Navigator;
const noSignal = { doNotTrack: null } as Navigator;

function consentWith(options: { nav: Navigator; session?: Promise<string | null> }) {
  const saved: WidgetConsentBody[] = [];
  let stored: WidgetConsent = { automation: true, behaviour: false, marketing: false };
  const consent = createConsentActions({
    api: {
      getConsent: async () => stored,
      setConsent: async (change) => {
        saved.push(change);
        return (stored = { ...stored, ...change });
      },
    },
    ensureSession: () => options.session ?? Promise.resolve('tok-1'),
    nav: options.nav,
  });
  return { consent, saved };
}

describe('consent choices', () => {
  test('wait for the session before they are saved, and go into creating it', async () => {
    let startSession: (token: string | null) => void = () => undefined;
    const session = new Promise<string | null>((resolve) => {
      startSession = resolve;
    });
    const { consent, saved } = consentWith({ nav: doNotTrack, session });
    const saving = consent.set({ behaviour: true });
    await Promise.resolve();
    expect(saved).toEqual([]);
    expect(consent.forNewSession()).toEqual({ behaviour: true });
    startSession('tok-1');
    await expect(saving).resolves.toEqual({ automation: true, behaviour: true, marketing: false });
    expect(saved).toEqual([{ behaviour: true }]);
  });

  test('without a session they are refused, yet kept for the session created later', async () => {
    const { consent, saved } = consentWith({ nav: noSignal, session: Promise.resolve(null) });
    await expect(consent.set({ marketing: true })).rejects.toThrow(/network.unreachable/);
    expect(saved).toEqual([]);
    expect(consent.forNewSession()).toEqual({ behaviour: true, marketing: true });
  });

  test('Do Not Track sets where a session starts; an explicit choice outranks it for page views', async () => {
    const { consent } = consentWith({ nav: doNotTrack });
    expect(consent.forNewSession()).toEqual({ behaviour: false });
    expect(consent.allowsTracking()).toBe(false);
    await consent.set({ behaviour: true });
    expect(consent.allowsTracking()).toBe(true);

    const other = consentWith({ nav: noSignal }).consent;
    expect(other.allowsTracking()).toBe(true);
    await other.set({ behaviour: false });
    expect(other.allowsTracking()).toBe(false);
  });

  test('host input is reduced to booleans for known purposes', () => {
    expect(pickConsent({ behaviour: false, marketing: 'yes', analytics: true, automation: true })).toEqual({ behaviour: false, automation: true });
    expect(pickConsent(null)).toEqual({});
    expect(pickConsent('all')).toEqual({});
  });
});

describe('the controller', () => {
  test('a choice made before the session exists is sent with it, then stored once the session is there', async () => {
    const calls: { method: string; path: string; body: unknown; auth: string | null }[] = [];
    const fetchFn = (async (input: string, init: RequestInit) => {
      const path = new URL(input).pathname.replace('/api/v1/widget/ws-1', '');
      const headers = init.headers as Record<string, string>;
      const body = init.body ? JSON.parse(String(init.body)) : null;
      calls.push({ method: init.method ?? 'GET', path, body, auth: headers.authorization ?? null });
      const json = (status: number, payload: unknown) => new Response(JSON.stringify(payload), { status, headers: { 'content-type': 'application/json' } });
      if (path === '/config') return json(200, aConfig());
      if (path === '/sessions') return json(201, { token: 'tok-1', customerId: 'c1', visitorId: 'v1' });
      if (path === '/consent') return json(200, { automation: true, behaviour: true, marketing: false, ...body });
      return json(200, { items: [], rules: [], purchaseUrlPatterns: [], doNotDisturb: false, sessionCapReached: false });
    }) as unknown as typeof fetch;
    const controller = createWidgetController({
      workspaceId: 'ws-1',
      apiOrigin: 'https://tandem.test',
      locale: 'en',
      storage: createSafeStorage(() => null),
      fetchFn,
      createSocket: () => new FakeSocket() as unknown as WebSocket,
    });
    await controller.consent.set({ marketing: true });
    const order = calls.filter((c) => c.path === '/sessions' || c.path === '/consent');
    expect(order.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /sessions', 'PUT /consent']);
    expect(order[0]?.body).toMatchObject({ consent: { marketing: true } });
    expect(order[1]).toMatchObject({ body: { marketing: true }, auth: 'Bearer tok-1' });
    await vi.waitFor(() => expect(controller.store.getState().token).toBe('tok-1'));
  });
});
