import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emailHtmlToText, sanitizeEmailHtml } from './sanitize-email-html.ts';

const REL = 'rel="noopener noreferrer nofollow" target="_blank"';

describe('sanitizeEmailHtml', () => {
  const cases: Array<[string, string, string]> = [
    ['drops a script and its text', '<p>Hi</p><script>alert(1)</script>', '<p>Hi</p>'],
    ['drops event handlers and images', '<p onclick="x()">Hi <img src="x" onerror="alert(1)"></p>', '<p>Hi </p>'],
    ['drops style, class and id', '<p style="position:fixed" class="a" id="b">Hi</p>', '<p>Hi</p>'],
    ['drops style elements and their CSS', '<style>body{display:none}</style><p>Hi</p>', '<p>Hi</p>'],
    ['drops head, title and meta refresh', '<html><head><title>T</title><meta http-equiv="refresh" content="0;url=https://evil.example"></head><body><p>Hi</p></body></html>', '<p>Hi</p>'],
    ['turns a javascript: link into text', '<a href="javascript:alert(1)">x</a>', '<span>x</span>'],
    ['turns an entity-obfuscated javascript: link into text', '<a href="jav&#x09;ascript&colon;alert(1)">x</a>', '<span>x</span>'],
    ['turns a data: link into text', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', '<span>x</span>'],
    ['turns a relative link into text: it would point at the console', '<a href="/api/admin">x</a>', '<span>x</span>'],
    ['turns a protocol-relative link into text', '<a href="//evil.example">x</a>', '<span>x</span>'],
    ['drops data: images', '<img src="data:image/png;base64,iVBORw0KGgo=">', ''],
    ['keeps https links, with rel and target of its own', '<a href="https://shop.example/o?a=1&b=2" target="_self" rel="opener">o</a>', `<a href="https://shop.example/o?a=1&amp;b=2" ${REL}>o</a>`],
    ['keeps mailto links', '<a href="mailto:ann@example.com">Ann</a>', `<a href="mailto:ann@example.com" ${REL}>Ann</a>`],
    ['escapes a split script tag instead of rebuilding it', '<scr<script>ipt>alert(1)</scr</script>ipt>', 'ipt&gt;alert(1)ipt&gt;'],
    ['keeps escaped markup escaped', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['drops SVG and the script inside it', '<svg onload="alert(1)"><script>alert(2)</script><circle r="5"/></svg><p>ok</p>', '<p>ok</p>'],
    ['drops forms and their controls', '<form action="https://evil.example"><input name="p" value="x"><textarea>t</textarea><select><option>o</option></select><button>Go</button></form>', 'Go'],
    ['drops iframes with their content', '<iframe src="https://evil.example">fallback</iframe><p>ok</p>', '<p>ok</p>'],
    ['drops object and embed', '<object data="x.swf"></object><embed src="x.swf"><p>ok</p>', '<p>ok</p>'],
    ['drops conditional comments', '<!--[if mso]><p>mso</p><![endif]--><p>ok</p>', '<p>ok</p>'],
    ['drops MathML links', '<math><mi xlink:href="javascript:alert(1)">m</mi></math>', 'm'],
    ['takes out controls that character references decode to', '<p>a&#1;b&#x7f;c</p>', '<p>abc</p>'],
    ['keeps structure', '<h2>T</h2><ul><li><b>a</b></li></ul><table><tr><td>1</td></tr></table><blockquote>q</blockquote><hr>', '<h2>T</h2><ul><li><b>a</b></li></ul><table><tr><td>1</td></tr></table><blockquote>q</blockquote><hr />'],
  ];
  for (const [name, html, expected] of cases) {
    it(name, () => assert.equal(sanitizeEmailHtml(html), expected));
  }
});

describe('emailHtmlToText', () => {
  const cases: Array<[string, string, string]> = [
    ['paragraphs and line breaks', '<p>Hello\n  there</p><p>a<br>b</p>', 'Hello there\n\na\nb'],
    ['divs are lines; a <br> between them an empty line', '<div>a</div><div>b<br></div><br><div>c</div>', 'a\nb\n\nc'],
    ['lists and tables', '<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>', '- one\n- two\n\na\tb'],
    ['links show where they go', '<a href="https://shop.example/o/1">order</a> <a href="mailto:ann@example.com">ann@example.com</a>', 'order (https://shop.example/o/1) ann@example.com'],
    ['entities decoded once', '<p>a &amp;lt; b &lt; c</p>', 'a &lt; b < c'],
    ['blockquotes quoted with ">" per level', '<p>Thanks</p><blockquote><div>q</div><blockquote>qq</blockquote><div>q2</div></blockquote>', 'Thanks\n\n> q\n\n> > qq\n\n> q2'],
    ['nothing of scripts, styles or images', '<style>p{}</style><script>x()</script><img src="https://t.example/p.gif"><p>Hi</p>', 'Hi'],
    ['Persian and Vietnamese text as is', '<div dir="rtl"><p>سلام</p><p>Xin chào</p></div>', 'سلام\n\nXin chào'],
  ];
  for (const [name, html, expected] of cases) {
    it(name, () => assert.equal(emailHtmlToText(html), expected));
  }
});
