import sanitizeHtml from 'sanitize-html';
import { withoutControls } from '../../platform/storable-text.ts';

const PARAGRAPHS = ['p', 'blockquote', 'pre', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr'];
const LINES = ['div', 'tr', 'thead', 'tbody'];
const LINK_SCHEME = /^(https?:\/\/|mailto:)/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...PARAGRAPHS, ...LINES, 'li', 'br', 'span', 'b', 'strong', 'i', 'em', 'u', 's', 'code', 'td', 'th', 'a'],
  // No style, class or id: mail CSS is written for other pages and can overlay the console.
  allowedAttributes: { a: ['href', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Their text is code, metadata or form furniture, never part of what the customer wrote.
  nonTextTags: ['script', 'style', 'head', 'title', 'textarea', 'option', 'xmp', 'noscript', 'template', 'iframe', 'noembed', 'noframes'],
  transformTags: {
    // A relative link would resolve against the console's own origin. rel and target replace
    // the author's own: the agent's session must not leak to the linked page.
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const href = (attribs.href ?? '').trim();
      return LINK_SCHEME.test(href)
        ? { tagName: 'a', attribs: { href, rel: 'noopener noreferrer nofollow', target: '_blank' } }
        : { tagName: 'span', attribs: {} };
    },
  },
};

/**
 * Email HTML reduced to what an agent needs to read it: text structure and links. No images at
 * all, since remote ones are tracking pixels that tell the sender when (and where) it was read.
 */
export function sanitizeEmailHtml(html: string): string {
  // Character references decode to controls too (&#1;), so they are taken out of the output.
  return withoutControls(sanitizeHtml(html, OPTIONS));
}

const LINK = /<a href="([^"]*)"[^>]*>(.*?)<\/a>/g;
const TAG = /<(\/?)([a-z0-9]+)[^>]*>/g;
// Stand-ins for a line break, a paragraph break and a blockquote's start and end, resolved once
// all tags are gone. They cannot clash with text: sanitizeEmailHtml leaves no controls.
const LINE = '\u0001';
const PARAGRAPH = '\u0002';
const QUOTE_OPEN = '\u0003';
const QUOTE_CLOSE = '\u0004';
const BREAK_RUN = /[ \t]*[\n\u0001\u0002][\s\u0001-\u0004]*/g;

function tagAsText(closing: string, name: string): string {
  if (name === 'br') return '\n';
  if (name === 'blockquote') return closing ? QUOTE_CLOSE + PARAGRAPH : PARAGRAPH + QUOTE_OPEN;
  if (name === 'li') return closing ? LINE : `${LINE}- `;
  if (name === 'td' || name === 'th') return closing ? '\t' : '';
  if (PARAGRAPHS.includes(name)) return PARAGRAPH;
  return LINES.includes(name) ? LINE : '';
}

function mergeBreaks(run: string): string {
  const least = run.includes(PARAGRAPH) ? 2 : run.includes(LINE) ? 1 : 0;
  // A <br> after a block ends makes an empty line; one just before it does not.
  const newlines = run.replace(/[^\n]/g, '').length + (/[\u0001\u0002][^\n]*\n/.test(run) ? 1 : 0);
  return '\n'.repeat(Math.max(least, newlines)) + run.replace(/[^\u0003\u0004]/g, '');
}

/** Lines inside blockquotes get "> " per level, as a plain-text client would quote them. */
function quoteLines(text: string): string {
  let depth = 0;
  const step = (marks: string): void => {
    for (const mark of marks) depth = mark === QUOTE_OPEN ? depth + 1 : Math.max(0, depth - 1);
  };
  return text
    .split('\n')
    .map((line) => {
      // Marks at the start of a line apply to it; marks after its text, to the lines below.
      const lead = /^[\u0003\u0004]*/.exec(line)?.[0] ?? '';
      step(lead);
      const prefix = '> '.repeat(depth);
      step(line.slice(lead.length).replace(/[^\u0003\u0004]/g, ''));
      const bare = line.replace(/[\u0003\u0004]/g, '').trim();
      return bare === '' ? '' : prefix + bare;
    })
    .join('\n');
}

const decodeEntities = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/**
 * Plain text from HTML, for mail that has no text part. It reads sanitizeEmailHtml's output,
 * whose tags and entities form a small closed set (text is escaped to &amp; &lt; &gt; &quot;),
 * so patterns over it are safe where patterns over raw HTML would not be.
 */
export function emailHtmlToText(html: string): string {
  const text = sanitizeEmailHtml(html)
    // Whitespace in HTML source is layout, not text.
    .replace(/\s+/g, ' ')
    .replace(LINK, (_, href: string, label: string) => {
      const url = href.replace(/^mailto:/i, '');
      return label.includes(url) ? label : `${label} (${url})`;
    })
    .replace(TAG, (_, closing: string, name: string) => tagAsText(closing, name))
    .replace(BREAK_RUN, mergeBreaks);
  return quoteLines(decodeEntities(text))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
