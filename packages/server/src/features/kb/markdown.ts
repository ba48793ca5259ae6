import MarkdownIt from 'markdown-it';

// Raw HTML in Markdown is escaped (html: false), and markdown-it's link validation refuses
// javascript:, vbscript:, file: and data: URLs: what an author writes cannot run script.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
const defaultLink = markdown.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
markdown.renderer.rules.link_open = (tokens, i, options, env, self) => {
  const href = tokens[i]!.attrGet('href') ?? '';
  if (/^https?:/i.test(href)) tokens[i]!.attrSet('rel', 'noopener noreferrer nofollow');
  return defaultLink(tokens, i, options, env, self);
};

/** An article's Markdown as safe HTML for the help center. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
