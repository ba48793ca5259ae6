import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderMarkdown } from './markdown.ts';

test('Markdown renders headings, lists, emphasis and links', () => {
  const html = renderMarkdown('## Bước 1\n\n1. **Mở** ứng dụng\n2. Vào [tài khoản](https://lotustea.example/account)');
  assert.match(html, /<h2>Bước 1<\/h2>/);
  assert.match(html, /<ol>\s*<li><strong>Mở<\/strong> ứng dụng<\/li>/);
  assert.match(html, /<a href="https:\/\/lotustea.example\/account" rel="noopener noreferrer nofollow">tài khoản<\/a>/);
});

const attacks: Array<[string, string]> = [
  ['a script tag', '<script>alert(1)</script>'],
  ['an event handler', '<img src=x onerror=alert(1)>'],
  ['a javascript: link', '[click](javascript:alert(1))'],
  ['a data: link', '[click](data:text/html;base64,PHNjcmlwdD4=)'],
  ['a vbscript: link', '[click](vbscript:msgbox(1))'],
];
for (const [name, source] of attacks) {
  test(`${name} in an article body cannot run`, () => {
    const html = renderMarkdown(source);
    assert.doesNotMatch(html, /<script|<img[^>]*onerror|href="(javascript|data|vbscript):/i, html);
  });
}
