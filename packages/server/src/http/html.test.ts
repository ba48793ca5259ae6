import { test } from 'node:test';
import assert from 'node:assert/strict';
import { html, trusted } from './html.ts';

test('html escapes what it interpolates, keeps what is already safe, and joins lists', () => {
  const name = '<img src=x onerror=alert(1)> & "quotes"';
  const page = html`<p title="${name}">${name}</p>${trusted('<b>ok</b>')}${['a', html`<i>${'<'}</i>`]}${null}${false}`;
  assert.equal(page.toString(), '<p title="&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;">&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;</p><b>ok</b>a<i>&lt;</i>');
});
