import { LOCALES, type Locale } from '@tandem/core';
import type { TFunction } from 'i18next';
import { html, type SafeHtml } from '../http/html.ts';
import { isRtl } from '../i18n/translator.ts';
import { HELP_CENTER_CSS } from './styles.ts';

export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', vi: 'Tiếng Việt', fa: 'فارسی' };

export interface PageContext {
  t: TFunction;
  locale: Locale;
  workspace: { id: string; name: string; slug: string };
  /** Absolute base URL, for canonical and hreflang links. */
  origin: string;
}

export interface PageOptions {
  title: string;
  /** This page's path in each locale it exists in (hreflang); the current one is canonical. */
  alternates: Partial<Record<Locale, string>>;
  query?: string;
  main: SafeHtml;
}

/** The frame of every help-center page: works without JavaScript; the widget is an extra. */
export function layout(ctx: PageContext, page: PageOptions): SafeHtml {
  const { t, locale, workspace, origin } = ctx;
  const base = `/help/${workspace.slug}/${locale}`;
  const canonical = page.alternates[locale];
  return html`<!doctype html>
<html lang="${locale}" dir="${isRtl(locale) ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
${canonical ? html`<link rel="canonical" href="${origin}${canonical}">` : null}
${LOCALES.filter((l) => page.alternates[l]).map((l) => html`<link rel="alternate" hreflang="${l}" href="${origin}${page.alternates[l]!}">`)}
<style>${HELP_CENTER_CSS}</style>
<script src="/widget.js" data-workspace="${workspace.id}" data-locale="${locale}" async></script>
</head>
<body>
<header class="top">
  <a class="brand" href="${base}">${t('helpCenter.title', { workspace: workspace.name })}</a>
  <nav aria-label="${t('helpCenter.language')}" class="locales">
    ${LOCALES.map((l) => html`<a href="${page.alternates[l] ?? `/help/${workspace.slug}/${l}`}" hreflang="${l}" lang="${l}"${l === locale ? html` aria-current="true"` : null}>${LOCALE_NAMES[l]}</a>`)}
  </nav>
</header>
<form class="search" role="search" action="${base}/search" method="get">
  <label for="q" class="visually-hidden">${t('helpCenter.searchLabel')}</label>
  <input id="q" name="q" type="search" value="${page.query ?? ''}" placeholder="${t('helpCenter.searchPlaceholder')}" maxlength="200" required>
  <button type="submit">${t('helpCenter.searchButton')}</button>
</form>
<main>${page.main}</main>
</body>
</html>`;
}
