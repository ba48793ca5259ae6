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
});
