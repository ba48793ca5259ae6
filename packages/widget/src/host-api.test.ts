import { describe, expect, test, vi } from 'vitest';
import type { WidgetController } from './app/widget-controller.ts';
import { createHostEvents } from './app/host-events.ts';
import { createHostApi, installHostApi } from './host-api.ts';

function fakeController() {
  return {
    open: vi.fn(),
    close: vi.fn(),
    setLocale: vi.fn(),
    identify: vi.fn(async () => ({ customerId: 'cust-2' })),
    track: vi.fn(async () => undefined),
    consent: { set: vi.fn(async () => ({ automation: true, behaviour: false, marketing: true })) },
  };
}

describe('window.Tandem', () => {
  test('replays calls the page queued in the stub before the script loaded, in order', async () => {
    const controller = fakeController();
    const win = { Tandem: { q: [['setLocale', 'vi'], ['open'], ['track', 'plan.viewed', { plan: 'pro' }]] } } as unknown as Window & { Tandem?: unknown };
    installHostApi(win, createHostApi(Promise.resolve(controller as unknown as WidgetController), createHostEvents()));
    await vi.waitFor(() => expect(controller.track).toHaveBeenCalledWith('plan.viewed', { plan: 'pro' }));
    expect(controller.setLocale).toHaveBeenCalledWith('vi');
    expect(controller.open).toHaveBeenCalled();
    expect(controller.setLocale.mock.invocationCallOrder[0]).toBeLessThan(controller.open.mock.invocationCallOrder[0] ?? 0);
    expect(typeof (win.Tandem as { identify?: unknown }).identify).toBe('function');
  });

  test('a bad queued call is reported, and the rest still run', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const controller = fakeController();
    const win = { Tandem: { q: [['explode'], 'nonsense', ['open']] } } as unknown as Window & { Tandem?: unknown };
    installHostApi(win, createHostApi(Promise.resolve(controller as unknown as WidgetController), createHostEvents()));
    await vi.waitFor(() => expect(controller.open).toHaveBeenCalled());
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  test('on() delivers widget events and returns an off function', () => {
    const events = createHostEvents();
    const api = createHostApi(Promise.resolve(null), events);
    const counts: number[] = [];
    const off = api.on('unread', (count) => counts.push(count));
    events.emit('unread', 2);
    off();
    events.emit('unread', 3);
    expect(counts).toEqual([2]);
  });

  test('identify resolves with the customer, and rejects when the widget is not running', async () => {
    const controller = fakeController();
    await expect(createHostApi(Promise.resolve(controller as unknown as WidgetController), createHostEvents()).identify({ email: 'a@b.co' }))
      .resolves.toEqual({ customerId: 'cust-2' });
    await expect(createHostApi(Promise.resolve(null), createHostEvents()).identify({})).rejects.toThrow(/not running/);
  });

  test('track never rejects: it resolves false when the event could not be stored', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const controller = { ...fakeController(), track: vi.fn(async () => Promise.reject(new Error('offline'))) };
    const api = createHostApi(Promise.resolve(controller as unknown as WidgetController), createHostEvents());
    await expect(api.track('x')).resolves.toBe(false);
    warn.mockRestore();
  });

  test('setConsent queued in the stub reaches the widget once it runs, with only what the server accepts', async () => {
    const controller = fakeController();
    let start: (c: WidgetController) => void = () => undefined;
    const ready = new Promise<WidgetController>((resolve) => {
      start = resolve;
    });
    const win = { Tandem: { q: [['setConsent', { behaviour: false, marketing: true, analytics: true }]] } } as unknown as Window & { Tandem?: unknown };
    installHostApi(win, createHostApi(ready, createHostEvents()));
    await Promise.resolve();
    expect(controller.consent.set).not.toHaveBeenCalled();
    start(controller as unknown as WidgetController);
    await vi.waitFor(() => expect(controller.consent.set).toHaveBeenCalledWith({ behaviour: false, marketing: true }));
  });

  test('setConsent resolves true once stored, false on nonsense or failure, and never rejects', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const controller = fakeController();
    const api = createHostApi(Promise.resolve(controller as unknown as WidgetController), createHostEvents());
    await expect(api.setConsent({ marketing: true })).resolves.toBe(true);
    await expect(api.setConsent({ marketing: 'yes' } as never)).resolves.toBe(false);
    expect(controller.consent.set).toHaveBeenCalledTimes(1);
    controller.consent.set.mockRejectedValueOnce(new Error('offline'));
    await expect(api.setConsent({ behaviour: true })).resolves.toBe(false);
    await expect(createHostApi(Promise.resolve(null), createHostEvents()).setConsent({ behaviour: true })).resolves.toBe(false);
    warn.mockRestore();
  });
});
