import { LOCALES, type Locale } from '@tandem/core';
import { html, trusted, type SafeHtml } from '../http/html.ts';
import type { ArticleRecord, CategoryRecord } from '../features/kb/kb.store.ts';
import { layout, type PageContext } from './layout.ts';
import { localized } from './guide-page.ts';
import type { GuideRecord } from '../features/kb/guide.store.ts';

type Translations = Array<Pick<ArticleRecord, 'locale' | 'key'>>;

const home = (ctx: PageContext) => `/help/${ctx.workspace.slug}/${ctx.locale}`;
const articlePath = (ctx: PageContext, key: string, locale: Locale = ctx.locale) => `/help/${ctx.workspace.slug}/${locale}/articles/${key}`;
const everyLocale = (path: (l: Locale) => string) => Object.fromEntries(LOCALES.map((l) => [l, path(l)])) as Record<Locale, string>;
const categoryName = (c: CategoryRecord, locale: Locale) => c.names[locale] ?? c.names.en ?? c.key;

function articleList(ctx: PageContext, articles: readonly ArticleRecord[]): SafeHtml {
  return html`<ul class="list">${articles.map((a) => html`<li><a href="${articlePath(ctx, a.key)}">${a.title}</a>${a.summary ? html`<div class="muted">${a.summary}</div>` : null}</li>`)}</ul>`;
}

export function homePage(ctx: PageContext, categories: readonly CategoryRecord[], popular: readonly ArticleRecord[], guides: readonly GuideRecord[]): SafeHtml {
  const { t } = ctx;
  return layout(ctx, {
    title: t('helpCenter.title', { workspace: ctx.workspace.name }),
    alternates: everyLocale((l) => `/help/${ctx.workspace.slug}/${l}`),
    main: html`
<h1>${t('helpCenter.title', { workspace: ctx.workspace.name })}</h1>
<h2>${t('helpCenter.categories')}</h2>
<ul class="cards">${categories.map((c) => html`<li><h3><a href="${home(ctx)}/categories/${c.key}">${categoryName(c, ctx.locale)}</a></h3><p class="muted">${c.descriptions[ctx.locale] ?? ''}</p></li>`)}</ul>
${guides.length > 0 ? html`<h2>${t('helpCenter.guides')}</h2><ul class="list">${guides.map((g) => html`<li><a href="${home(ctx)}/guides/${g.key}">${localized(g.definition.title, ctx.locale)}</a></li>`)}</ul>` : null}
<h2>${t('helpCenter.popular')}</h2>
${articleList(ctx, popular)}`,
  });
}

export function categoryPage(ctx: PageContext, category: CategoryRecord, articles: readonly ArticleRecord[]): SafeHtml {
  return layout(ctx, {
    title: `${categoryName(category, ctx.locale)} · ${ctx.t('helpCenter.title', { workspace: ctx.workspace.name })}`,
    alternates: everyLocale((l) => `/help/${ctx.workspace.slug}/${l}/categories/${category.key}`),
    main: html`<nav class="muted"><a href="${home(ctx)}">${ctx.t('helpCenter.home')}</a></nav>
<h1>${categoryName(category, ctx.locale)}</h1>
<p class="muted">${category.descriptions[ctx.locale] ?? ''}</p>
${articleList(ctx, articles)}`,
  });
}

export interface ArticlePageData {
  article: ArticleRecord;
  category: CategoryRecord | undefined;
  translations: Translations;
  related: readonly ArticleRecord[];
  thanked: boolean;
}

export function articlePage(ctx: PageContext, data: ArticlePageData): SafeHtml {
  const { t } = ctx;
  const { article } = data;
  const date = new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'long' }).format(article.updatedAt);
  return layout(ctx, {
    title: `${article.title} · ${t('helpCenter.title', { workspace: ctx.workspace.name })}`,
    alternates: Object.fromEntries(data.translations.map((tr) => [tr.locale, articlePath(ctx, tr.key, tr.locale as Locale)])),
    main: html`<nav class="muted"><a href="${home(ctx)}">${t('helpCenter.home')}</a>${data.category ? html` › <a href="${home(ctx)}/categories/${data.category.key}">${categoryName(data.category, ctx.locale)}</a>` : null}</nav>
<article>
<h1>${article.title}</h1>
<p class="muted">${t('helpCenter.updated', { date })}</p>
${trusted(article.bodyHtml)}
</article>
${data.related.length > 0 ? html`<h2>${t('helpCenter.related')}</h2>${articleList(ctx, data.related)}` : null}
${feedbackForm(ctx, article, data.thanked)}`,
  });
}

function feedbackForm(ctx: PageContext, article: ArticleRecord, thanked: boolean): SafeHtml {
  const { t } = ctx;
  if (thanked) {
    return html`<section class="feedback" aria-live="polite"><p role="status">${t('helpCenter.thanks')}</p><h2>${t('helpCenter.stillNeedHelp')}</h2><p>${t('helpCenter.contactUs')}</p></section>`;
  }
  return html`<section class="feedback"><form method="post" action="${articlePath(ctx, article.key)}/feedback">
<fieldset><legend>${t('helpCenter.feedbackQuestion')}</legend>
<button type="submit" name="helpful" value="yes">${t('helpCenter.yes')}</button>
<button type="submit" name="helpful" value="no" class="secondary">${t('helpCenter.no')}</button></fieldset>
<label for="comment">${t('helpCenter.commentLabel')}</label>
<textarea id="comment" name="comment" rows="2" maxlength="2000"></textarea>
</form></section>`;
}

export function searchPage(ctx: PageContext, query: string, results: ReadonlyArray<{ key: string; title: string; summary: string }>, searchId: string | null): SafeHtml {
  const { t } = ctx;
  return layout(ctx, {
    title: `${t('helpCenter.resultsFor', { query })} · ${t('helpCenter.title', { workspace: ctx.workspace.name })}`,
    alternates: {},
    query,
    main: html`<h1>${t('helpCenter.resultsFor', { query })}</h1>
${results.length === 0 ? html`<p>${t('helpCenter.noResults')}</p>` : html`<ul class="list">${results.map((r) => html`<li><a href="${articlePath(ctx, r.key)}${searchId ? `?search=${searchId}` : ''}">${r.title}</a><div class="muted">${r.summary}</div></li>`)}</ul>`}`,
  });
}

export function notFoundPage(ctx: PageContext): SafeHtml {
  return layout(ctx, { title: ctx.t('helpCenter.notFound'), alternates: {}, main: html`<h1>${ctx.t('helpCenter.notFound')}</h1><p><a href="${home(ctx)}">${ctx.t('helpCenter.home')}</a></p>` });
}
