import type { GuideStep, LocalizedText, Locale } from '@tandem/core';
import { html, type SafeHtml } from '../http/html.ts';
import type { GuideRecord } from '../features/kb/guide.store.ts';
import type { ArticleRecord } from '../features/kb/kb.store.ts';
import { layout, type PageContext } from './layout.ts';

/** A text in the page's language, else English, else whatever the author wrote. */
export const localized = (text: LocalizedText, locale: Locale) => text[locale] ?? text.en ?? Object.values(text)[0] ?? '';

/**
 * One step of a guide as a page: choices are plain links carrying the run id, so a guide runs
 * without JavaScript, and every step reached is counted.
 */
export function guidePage(ctx: PageContext, data: { guide: GuideRecord; step: GuideStep; runId: string; article: ArticleRecord | null }): SafeHtml {
  const { t, locale } = ctx;
  const { guide, step, runId } = data;
  const path = `/help/${ctx.workspace.slug}/${locale}/guides/${guide.key}`;
  const end = step.end;
  return layout(ctx, {
    title: `${localized(guide.definition.title, locale)} · ${t('helpCenter.title', { workspace: ctx.workspace.name })}`,
    alternates: {},
    main: html`<nav class="muted"><a href="/help/${ctx.workspace.slug}/${locale}">${t('helpCenter.home')}</a></nav>
<article>
<h1>${localized(guide.definition.title, locale)}</h1>
<p>${localized(step.text, locale)}</p>
${step.choices ? html`<ul class="list">${step.choices.map((c) => html`<li><a rel="nofollow" href="${path}?step=${c.next}&amp;run=${runId}">${localized(c.label, locale)}</a></li>`)}</ul>` : null}
${end?.kind === 'article' && data.article ? html`<p><a href="/help/${ctx.workspace.slug}/${locale}/articles/${data.article.key}">${t('helpCenter.readArticle', { title: data.article.title })}</a></p><p class="muted">${data.article.summary}</p>` : null}
${end && end.kind !== 'article' ? html`<p role="status">${localized(end.message, locale)}</p>` : null}
${end?.kind === 'handoff' ? html`<p>${t('helpCenter.contactUs')}</p>` : null}
${end ? html`<p><a rel="nofollow" href="${path}">${t('helpCenter.startOver')}</a></p>` : null}
</article>`,
  });
}
