import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { WebTrigger } from './proactive-rule.ts';
import { secondsUntilDue, triggerFires, type EventProps, type PageSignals } from './trigger-match.ts';

// A visitor who just landed and has done nothing yet.
function signals(over: Partial<PageSignals> = {}): PageSignals {
  return { url: 'https://shop.example/products/ao-dai', secondsOnPage: 0, scrollPercent: 0, formIdleSeconds: 0, exitIntent: false, pageVisits: 1, event: null, ...over };
}
const tracked = (name: string, props: EventProps = {}): Partial<PageSignals> => ({ event: { name, props } });

describe('triggerFires on thresholds', () => {
  const cases: Array<[trigger: WebTrigger, below: Partial<PageSignals>, at: Partial<PageSignals>, above: Partial<PageSignals>]> = [
    [{ kind: 'time_on_page', seconds: 30 }, { secondsOnPage: 29.9 }, { secondsOnPage: 30 }, { secondsOnPage: 300 }],
    [{ kind: 'scroll_depth', percent: 75 }, { scrollPercent: 74 }, { scrollPercent: 75 }, { scrollPercent: 100 }],
    [{ kind: 'form_idle', seconds: 20 }, { formIdleSeconds: 19 }, { formIdleSeconds: 20 }, { formIdleSeconds: 21 }],
    [{ kind: 'repeat_visits', visits: 3 }, { pageVisits: 2 }, { pageVisits: 3 }, { pageVisits: 7 }],
  ];

  for (const [trigger, below, at, above] of cases) {
    it(`${trigger.kind} fires exactly at its threshold and not below`, () => {
      assert.equal(triggerFires(trigger, signals(below)), false, 'just below');
      assert.equal(triggerFires(trigger, signals(at)), true, 'at the threshold');
      assert.equal(triggerFires(trigger, signals(above)), true, 'past it');
    });
  }

  it('form_idle does not fire for a visitor who never typed in a form', () => {
    assert.equal(triggerFires({ kind: 'form_idle', seconds: 20 }, signals({ secondsOnPage: 600, formIdleSeconds: 0 })), false);
  });

  it('a timed trigger is not fired by unrelated signals', () => {
    const busy = signals({ scrollPercent: 100, pageVisits: 9, exitIntent: true, formIdleSeconds: 999 });
    assert.equal(triggerFires({ kind: 'time_on_page', seconds: 30 }, busy), false);
  });
});

describe('triggerFires on moments', () => {
  it('exit_intent fires only when the pointer heads out', () => {
    assert.equal(triggerFires({ kind: 'exit_intent' }, signals({ exitIntent: true })), true);
    assert.equal(triggerFires({ kind: 'exit_intent' }, signals({ exitIntent: false, secondsOnPage: 600 })), false);
  });

  it('page_view fires on arrival', () => {
    assert.equal(triggerFires({ kind: 'page_view' }, signals()), true);
  });
});

describe('triggerFires with a urlPattern', () => {
  const onCheckout = signals({ url: 'https://shop.example/checkout?step=2', secondsOnPage: 60, scrollPercent: 90, formIdleSeconds: 40, exitIntent: true, pageVisits: 4, ...tracked('coupon_failed') });
  const elsewhere = { ...onCheckout, url: 'https://shop.example/blog/tet-sale' };
  const triggers: WebTrigger[] = [
    { kind: 'page_view', urlPattern: '/checkout*' },
    { kind: 'time_on_page', seconds: 30, urlPattern: '/checkout*' },
    { kind: 'scroll_depth', percent: 50, urlPattern: '/checkout*' },
    { kind: 'form_idle', seconds: 30, urlPattern: '/checkout*' },
    { kind: 'exit_intent', urlPattern: '/checkout*' },
    { kind: 'repeat_visits', visits: 2, urlPattern: '/checkout*' },
    { kind: 'host_event', event: 'coupon_failed', where: [], urlPattern: '/checkout*' },
  ];

  for (const trigger of triggers) {
    it(`narrows ${trigger.kind} to matching pages`, () => {
      assert.equal(triggerFires(trigger, onCheckout), true, 'on a matching page');
      assert.equal(triggerFires(trigger, elsewhere), false, 'on another page, every other signal the same');
    });
  }
});

describe('triggerFires on a host_event', () => {
  const bigCart: WebTrigger = { kind: 'host_event', event: 'cart_updated', where: [{ field: 'cart_value', op: 'gt', value: 100 }] };

  it('compares numbers: fires above the value, not at or below it', () => {
    assert.equal(triggerFires(bigCart, signals(tracked('cart_updated', { cart_value: 100.5 }))), true);
    assert.equal(triggerFires(bigCart, signals(tracked('cart_updated', { cart_value: 100 }))), false, 'gt is strict');
    assert.equal(triggerFires(bigCart, signals(tracked('cart_updated', { cart_value: 12 }))), false);
  });

  it('does not compare a number written as text with gt', () => {
    assert.equal(triggerFires(bigCart, signals(tracked('cart_updated', { cart_value: '250' }))), false);
  });

  it('never fires for another event name, or with no event at all', () => {
    assert.equal(triggerFires(bigCart, signals(tracked('cart_viewed', { cart_value: 500 }))), false);
    assert.equal(triggerFires(bigCart, signals(tracked('Cart_Updated', { cart_value: 500 }))), false, 'event names are exact');
    assert.equal(triggerFires(bigCart, signals()), false);
  });

  it('matches text across Persian yeh variants and case, as segments do', () => {
    // "طلایی" (gold) typed with the Arabic yeh U+064A on one side and the Persian yeh U+06CC on the other.
    const goldTier: WebTrigger = { kind: 'host_event', event: 'login', where: [{ field: 'tier', op: 'equals', value: 'طلایی' }] };
    assert.equal(triggerFires(goldTier, signals(tracked('login', { tier: 'طلايي' }))), true, 'Arabic yeh');
    assert.equal(triggerFires(goldTier, signals(tracked('login', { tier: 'نقره‌ای' }))), false, 'silver');

    const vang: WebTrigger = { kind: 'host_event', event: 'login', where: [{ field: 'tier', op: 'equals', value: 'Vàng' }] };
    assert.equal(triggerFires(vang, signals(tracked('login', { tier: 'VÀNG' }))), true, 'case is ignored');
    assert.equal(triggerFires(vang, signals(tracked('login', { tier: 'vang' }))), false, 'Vietnamese diacritics are kept');
  });

  it('exists wants the property with a value', () => {
    const withCoupon: WebTrigger = { kind: 'host_event', event: 'checkout_started', where: [{ field: 'coupon', op: 'exists' }] };
    assert.equal(triggerFires(withCoupon, signals(tracked('checkout_started', { coupon: 'NOWRUZ1404' }))), true);
    assert.equal(triggerFires(withCoupon, signals(tracked('checkout_started', { coupon: '  ' }))), false, 'blank text');
    assert.equal(triggerFires(withCoupon, signals(tracked('checkout_started', { coupon: null }))), false, 'null');
    assert.equal(triggerFires(withCoupon, signals(tracked('checkout_started', {}))), false, 'absent');
  });

  it('never matches a condition on a property the event does not carry', () => {
    const track = signals(tracked('cart_updated', { cart_value: 250 }));
    for (const field of ['plan', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      for (const condition of [{ field, op: 'exists' }, { field, op: 'not_equals', value: 'x' }] as const) {
        const trigger: WebTrigger = { kind: 'host_event', event: 'cart_updated', where: [condition] };
        assert.equal(triggerFires(trigger, track), false, `${condition.op} on ${field}`);
      }
    }
  });

  it('wants every condition to hold', () => {
    const trigger: WebTrigger = {
      kind: 'host_event',
      event: 'cart_updated',
      where: [{ field: 'cart_value', op: 'gt', value: 100 }, { field: 'currency', op: 'equals', value: 'VND' }],
    };
    assert.equal(triggerFires(trigger, signals(tracked('cart_updated', { cart_value: 2_500_000, currency: 'vnd' }))), true);
    assert.equal(triggerFires(trigger, signals(tracked('cart_updated', { cart_value: 2_500_000, currency: 'IRR' }))), false);
  });

  it('with no conditions fires on any event of that name', () => {
    assert.equal(triggerFires({ kind: 'host_event', event: 'signup', where: [] }, signals(tracked('signup'))), true);
  });
});

describe('secondsUntilDue', () => {
  it('is the threshold for the timed triggers and null for the rest', () => {
    const cases: Array<[WebTrigger, number | null]> = [
      [{ kind: 'time_on_page', seconds: 45 }, 45],
      [{ kind: 'form_idle', seconds: 20 }, 20],
      [{ kind: 'page_view' }, null],
      [{ kind: 'scroll_depth', percent: 50 }, null],
      [{ kind: 'exit_intent' }, null],
      [{ kind: 'repeat_visits', visits: 3 }, null],
      [{ kind: 'host_event', event: 'signup', where: [] }, null],
    ];
    for (const [trigger, expected] of cases) assert.equal(secondsUntilDue(trigger), expected, trigger.kind);
  });
});
