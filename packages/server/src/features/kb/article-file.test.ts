import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticleFile } from './article-file.ts';

const file = (front: string, body = 'Hello **world**.') => `---\n${front}\n---\n${body}\n`;

test('a valid file gives its metadata, with defaults, and its Markdown body', () => {
  const parsed = parseArticleFile(file('key: reset-password\ntitle: "Đặt lại mật khẩu"\ncategory: accounts\nsampleQuestions:\n  - quen mat khau'), 'vi/reset-password.md');
  assert.equal(parsed.kind, 'ok');
  if (parsed.kind !== 'ok') return;
  assert.equal(parsed.article.meta.title, 'Đặt lại mật khẩu');
  assert.deepEqual(parsed.article.meta.sampleQuestions, ['quen mat khau']);
  assert.equal(parsed.article.meta.status, 'published');
  assert.equal(parsed.article.body, 'Hello **world**.');
});

const broken: Array<[string, string, RegExp]> = [
  ['no front-matter', 'Just text', /front-matter block/],
  ['malformed YAML', file('key: a\ntitle: [unclosed'), /not valid YAML/],
  ['a missing title', file('key: a\ncategory: b'), /title/],
  ['an unknown field', file('key: a\ntitle: A\ncategory: b\nauthor: me'), /author|unrecognized/i],
  ['a bad key', file('key: Reset Password\ntitle: A\ncategory: b'), /key/],
  ['an empty body', file('key: a\ntitle: A\ncategory: b', ''), /empty body/],
];
for (const [name, text, message] of broken) {
  test(`a file with ${name} is refused with a reason naming the file`, () => {
    const parsed = parseArticleFile(text, 'en/a.md');
    assert.equal(parsed.kind, 'invalid');
    if (parsed.kind !== 'invalid') return;
    assert.ok(parsed.errors.every((e) => e.path.startsWith('en/a.md')));
    assert.match(parsed.errors.map((e) => `${e.path} ${e.message}`).join('; '), message);
  });
}
