import MarkdownIt from 'markdown-it';

// Raw HTML is off, so any tag a customer types is shown as text; markdown-it's link validation
// already refuses javascript:, vbscript: and data: URLs (except images we never render).
const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
md.disable(['image']);
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('target', '_blank');
  tokens[idx]!.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** A message body as HTML, safe to insert: the only markup in it is what Markdown produced. */
export const renderMarkdown = (text: string): string => md.render(text);
