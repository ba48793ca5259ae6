import type { Locale } from '@tandem/core';
import { isRtl, translator } from '../../i18n/translator.ts';
import { escapeHtml, scriptJson } from '../../http/html.ts';

export interface DemoPageInput {
  locale: Locale;
  workspaceId: string;
  /** A signed-in shopper, with the identify() call the shop's server computed for them. */
  shopper: { id: string; name: string; email: string; hash: string } | null;
}

const TEAS = [
  { name: 'Thái Nguyên green', price: '$12' },
  { name: 'Shiraz saffron black', price: '$15' },
  { name: 'Darjeeling first flush', price: '$18' },
];

/** A small fake storefront with the widget on it, so the customer side can be tried right away. */
export function renderDemoPage(input: DemoPageInput): string {
  const t = translator(input.locale);
  const e = escapeHtml;
  const languages = (['en', 'vi', 'fa'] as const)
    .map((l) => `<a href="/demo?lang=${l}" ${l === input.locale ? 'aria-current="page"' : ''}>${{ en: 'English', vi: 'Tiếng Việt', fa: 'فارسی' }[l]}</a>`)
    .join(' · ');
  const identify = input.shopper
    ? `<script>window.Tandem=window.Tandem||{q:[]};window.Tandem.q.push(["identify",${scriptJson(input.shopper)}]);</script>`
    : '';
  const account = input.shopper
    ? `<p class="account">${e(t('demo.signedIn', { name: input.shopper.name }))}</p>`
    : `<p class="account"><a href="/demo?lang=${input.locale}&amp;as=shopper">${e(t('demo.signIn'))}</a></p>`;
  return `<!doctype html>
<html lang="${input.locale}" dir="${isRtl(input.locale) ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t('demo.title'))}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; color: #1c1917; background: #fafaf9; }
  header, main { max-inline-size: 60rem; margin-inline: auto; padding: 1.5rem; }
  header { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 1rem; align-items: baseline; }
  h1 { margin: 0; color: #0f766e; }
  nav a { color: #0f766e; }
  ul { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1rem; }
  li { background: #fff; border: 1px solid #e7e5e4; border-radius: 0.75rem; padding: 1rem; }
  button { background: #0f766e; color: #fff; border: 0; border-radius: 0.5rem; padding-block: 0.5rem; padding-inline: 1rem; }
</style>
${identify}
<script src="/widget.js" data-workspace="${e(input.workspaceId)}" data-locale="${input.locale}" async></script>
</head>
<body>
<header><h1>${e(t('demo.title'))}</h1><nav aria-label="${e(t('demo.language'))}">${languages}</nav></header>
<main>
<p>${e(t('demo.tagline'))}</p>
${account}
<h2>${e(t('demo.products'))}</h2>
<ul>${TEAS.map((tea) => `<li><h3>${e(tea.name)}</h3><p>${e(tea.price)}</p><button type="button">${e(t('demo.addToCart'))}</button></li>`).join('')}</ul>
<p>${e(t('demo.help'))}</p>
</main>
</body>
</html>`;
}
