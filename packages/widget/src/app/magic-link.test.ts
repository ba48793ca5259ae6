import { describe, expect, test, vi } from 'vitest';
import { readMagicToken, removeMagicToken, returnUrl } from './magic-link.ts';

describe('magic links', () => {
  test('the token is read from #tandem-magic=…', () => {
    expect(readMagicToken('#tandem-magic=abc123def456')).toBe('abc123def456');
    expect(readMagicToken('#section-2')).toBeNull();
    expect(readMagicToken('')).toBeNull();
  });

  test('removing it keeps the rest of the address, fragment included', () => {
    const replaceState = vi.fn();
    removeMagicToken({ pathname: '/orders', search: '?id=7', hash: '#tab=2&tandem-magic=abc' }, { replaceState, state: null });
    expect(replaceState).toHaveBeenCalledWith(null, '', '/orders?id=7#tab=2');
    removeMagicToken({ pathname: '/', search: '', hash: '#tandem-magic=abc' }, { replaceState, state: null });
    expect(replaceState).toHaveBeenLastCalledWith(null, '', '/');
  });

  test('the return URL is this page without its fragment, and only for http(s) pages', () => {
    expect(returnUrl('https://shop.example/cart?x=1#top')).toBe('https://shop.example/cart?x=1');
    expect(returnUrl('file:///tmp/page.html')).toBeUndefined();
  });
});
