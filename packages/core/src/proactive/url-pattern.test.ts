import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { anyUrlMatches, urlMatches } from './url-pattern.ts';

type Case = [pattern: string, url: string, matches: boolean, why: string];

function check(cases: readonly Case[]): void {
  for (const [pattern, url, matches, why] of cases) {
    assert.equal(urlMatches(pattern, url), matches, `${pattern} vs ${url}: ${why}`);
  }
}

describe('urlMatches with a path pattern', () => {
  it('matches the path of a full URL, whatever the host', () => {
    check([
      ['/checkout*', 'https://shop.example/checkout', true, 'the path alone'],
      ['/checkout*', 'https://shop.example/checkout/payment', true, 'a deeper path'],
      ['/checkout*', 'http://other.example:8080/checkout', true, 'another host and a port'],
      ['/checkout*', 'https://shop.example/cart', false, 'another path'],
      ['/checkout*', 'https://shop.example/en/checkout', false, 'the pattern is anchored at the start of the path'],
      ['/checkout*', 'https://checkout.example/', false, 'the host is not the path'],
    ]);
  });

  it('sees the query string as part of the path', () => {
    check([
      ['/checkout*', 'https://shop.example/checkout?step=2', true, 'the wildcard covers the query'],
      ['/search?q=*', 'https://shop.example/search?q=gi%C3%A0y', true, 'a pattern can name a query parameter'],
      ['/search?q=*', 'https://shop.example/search', false, 'no query at all'],
      ['/?utm_source=*', 'https://shop.example?utm_source=mail', true, 'a query on the bare host is read as on "/"'],
    ]);
  });

  it('matches an empty path as "/"', () => {
    check([
      ['/', 'https://shop.example', true, 'no path is the home page'],
      ['/', 'https://shop.example/', true, 'the home page'],
      ['/', 'https://shop.example/about', false, 'a pattern without * is exact'],
    ]);
  });

  it('ignores case', () => {
    check([
      ['/Checkout*', 'https://shop.example/CHECKOUT/Payment', true, 'different case in both'],
      ['/thanh-toan', 'https://shop.example/THANH-TOAN', true, 'a Vietnamese slug in capitals'],
    ]);
  });

  it('ignores the fragment', () => {
    check([
      ['/pricing', 'https://shop.example/pricing#plans', true, 'the fragment is dropped before matching'],
      ['/pricing', '/pricing#plans', true, 'on a path-only URL too'],
      ['*plans*', 'https://shop.example/pricing#plans', false, 'a full-URL pattern cannot see the fragment either'],
      ['/a*', 'https://shop.example/b#/a', false, 'a hash route does not count as the path'],
    ]);
  });

  it('treats regex metacharacters in the pattern as literal text', () => {
    check([
      ['/a.b', 'https://shop.example/a.b', true, 'a dot is a dot'],
      ['/a.b', 'https://shop.example/axb', false, 'not any character'],
      ['/p?id=1', 'https://shop.example/p?id=1', true, 'a question mark is a question mark'],
      ['/p?id=1', 'https://shop.example/id=1', false, 'not an optional "p"'],
      ['/c++', 'https://shop.example/c++', true, 'pluses are literal'],
      ['/c++', 'https://shop.example/cc', false, 'not "one or more"'],
      ['/(sale)', 'https://shop.example/(sale)', true, 'parentheses are literal'],
      ['/[ab]', 'https://shop.example/a', false, 'brackets are not a character class'],
      ['/$price^', 'https://shop.example/$price^', true, 'anchors are literal'],
      ['/a|b', 'https://shop.example/b', false, 'a bar is not alternation'],
      ['/x\\y', 'https://shop.example/x\\y', true, 'a backslash is literal'],
    ]);
  });

  it('matches exactly when the pattern has no *', () => {
    check([
      ['/checkout', 'https://shop.example/checkout', true, 'the same path'],
      ['/checkout', 'https://shop.example/checkout/', false, 'a trailing slash is another path'],
      ['/checkout', 'https://shop.example/checkout?step=2', false, 'a query makes it another path'],
      ['/checkout', 'https://shop.example/checkouts', false, 'a longer path'],
    ]);
  });

  it('lets * stand anywhere, and for nothing', () => {
    check([
      ['/*/checkout', 'https://shop.example/vi/checkout', true, 'a locale prefix'],
      ['/*/checkout', 'https://shop.example/fa/checkout', true, 'the Persian site'],
      ['/product/*/reviews', 'https://shop.example/product/42/reviews', true, 'a middle segment'],
      ['/checkout*', 'https://shop.example/checkout', true, '* also matches an empty run'],
      ['/product/*/reviews', 'https://shop.example/product/42/specs', false, 'the text after * must follow'],
    ]);
  });

  it('matches a path-only URL (as the widget may report) by its path', () => {
    check([
      ['/cart*', '/cart?coupon=NOWRUZ', true, 'a relative URL'],
      ['/cart*', '/account', false, 'another relative path'],
    ]);
  });
});

describe('urlMatches with a full-URL pattern', () => {
  it('matches the whole URL, scheme and host included', () => {
    check([
      ['https://shop.example/*', 'https://shop.example/checkout?step=2', true, 'same host, any path'],
      ['https://shop.example/*', 'https://blog.example/checkout', false, 'another host'],
      ['https://shop.example/*', 'http://shop.example/checkout', false, 'another scheme'],
      ['https://shop.example/*', 'https://shop.example.evil.test/', false, 'a look-alike host: the dot is literal and / must follow'],
      ['https://*.shop.example/*', 'https://fa.shop.example/سبد', true, 'any subdomain, a Persian path'],
      ['HTTPS://SHOP.EXAMPLE/*', 'https://shop.example/a', true, 'case is ignored'],
      ['https://shop.example/help', 'https://shop.example/help#faq', true, 'the fragment is ignored'],
      ['https://shop.example/help', 'https://shop.example/help/more', false, 'no * means exact'],
    ]);
  });
});

describe('anyUrlMatches', () => {
  const purchasePages = ['/checkout*', '/cart*'];

  it('holds when at least one pattern matches', () => {
    assert.equal(anyUrlMatches(purchasePages, 'https://shop.example/cart'), true);
    assert.equal(anyUrlMatches(purchasePages, 'https://shop.example/checkout/done'), true);
  });

  it('does not hold when none matches', () => {
    assert.equal(anyUrlMatches(purchasePages, 'https://shop.example/products/ao-dai'), false);
  });

  it('never holds for an empty list', () => {
    assert.equal(anyUrlMatches([], 'https://shop.example/cart'), false);
  });
});
