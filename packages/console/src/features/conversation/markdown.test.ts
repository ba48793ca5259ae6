import { describe, expect, test } from 'vitest';
import { renderMarkdown } from './markdown.ts';

describe('message Markdown', () => {
  test('markup a customer types is shown as text, never run', () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  test('script links are not links; web links open in a new tab without the opener', () => {
    expect(renderMarkdown('[click](javascript:alert(1))')).not.toContain('href');
    expect(renderMarkdown('[راهنما](https://shop.example/help)')).toBe('<p><a href="https://shop.example/help" target="_blank" rel="noopener noreferrer">راهنما</a></p>\n');
  });

  test('line breaks and emphasis survive, in Vietnamese too', () => {
    expect(renderMarkdown('Chào **bạn**\ndòng hai')).toBe('<p>Chào <strong>bạn</strong><br>\ndòng hai</p>\n');
  });
});
