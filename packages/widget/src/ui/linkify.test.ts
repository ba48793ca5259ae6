import { describe, expect, test } from 'vitest';
import { splitLinks } from './linkify.ts';
import { safeHref } from './safe-url.ts';

const links = (text: string) => splitLinks(text).filter((s) => s.kind === 'link').map((s) => (s.kind === 'link' ? s.href : ''));

describe('links in message text', () => {
  test('http and https URLs become links; the rest stays text', () => {
    expect(splitLinks('see https://example.com/a?b=1 now')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: ' now' },
    ]);
    expect(links('plain http://example.org.')).toEqual(['http://example.org/']);
  });

  test.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
  ])('never links %s', (text) => {
    expect(links(text)).toEqual([]);
    expect(safeHref(text)).toBeNull();
  });

  test('a URL hidden inside a dangerous scheme is not linked from the middle', () => {
    expect(links('javascript:alert(1)//https://evil.example')).toEqual([]);
  });

  test('closing punctuation and unbalanced brackets stay outside the link', () => {
    expect(links('(see https://example.com/docs).')).toEqual(['https://example.com/docs']);
    expect(links('https://en.wikipedia.org/wiki/Foo_(bar)')).toEqual(['https://en.wikipedia.org/wiki/Foo_(bar)']);
  });

  test('server file paths resolve against the Tandem server, still http(s) only', () => {
    expect(safeHref('/api/v1/widget/ws/files/abc', 'https://tandem.example')).toBe('https://tandem.example/api/v1/widget/ws/files/abc');
    expect(safeHref('javascript:alert(1)', 'https://tandem.example')).toBeNull();
  });
});
