import type { TFunction } from 'i18next';
import type { Locale } from '@tandem/core';
import { html, type SafeHtml } from '../../http/html.ts';
import { isRtl } from '../../i18n/translator.ts';

const CSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1b1f24}
main{max-inline-size:32rem;margin-block:3rem;margin-inline:auto;background:#fff;padding:2rem;border-radius:12px}
fieldset{border:0;padding:0;margin-block:1rem}legend{font-weight:600;margin-block-end:.5rem}
.scale{display:flex;gap:.5rem;flex-wrap:wrap}.scale label{display:flex;flex-direction:column;align-items:center;padding:.5rem .75rem;border:1px solid #ccd;border-radius:8px;cursor:pointer}
textarea{inline-size:100%;min-block-size:5rem}button{margin-block-start:1rem;padding:.6rem 1.2rem;border:0;border-radius:8px;background:#1f6feb;color:#fff;font-size:1rem}
.error{color:#b3261e}`;

export interface SurveyPageInput {
  t: TFunction;
  locale: Locale;
  workspaceName: string;
  action: string;
  askEasyToReach: boolean;
  state: 'ask' | 'thanks' | 'answered' | 'invalid';
}

/** The survey linked from email, SMS and WhatsApp: a plain form that works without JavaScript. */
export function surveyPage(input: SurveyPageInput): SafeHtml {
  const { t, locale } = input;
  const body = input.state === 'thanks' ? html`<p role="status">${t('csat.thanks')}</p>`
    : input.state === 'answered' ? html`<p>${t('csat.alreadyAnswered')}</p>`
    : html`<form method="post" action="${input.action}">
  ${input.state === 'invalid' ? html`<p class="error" role="alert">${t('csat.pickRating')}</p>` : null}
  <fieldset><legend>${t('csat.question', { workspace: input.workspaceName })}</legend>
    <div class="scale">${[1, 2, 3, 4, 5].map((n) => html`<label><input type="radio" name="rating" value="${String(n)}" required>${'★'.repeat(n)}<span>${t(`csat.scale${n}`)}</span></label>`)}</div>
  </fieldset>
  ${input.askEasyToReach ? html`<fieldset><legend>${t('csat.easyQuestion')}</legend>
    <label><input type="radio" name="easyToReach" value="yes"> ${t('csat.yes')}</label>
    <label><input type="radio" name="easyToReach" value="no"> ${t('csat.no')}</label></fieldset>` : null}
  <label for="comment">${t('csat.commentLabel')}</label>
  <textarea id="comment" name="comment" maxlength="2000" dir="auto"></textarea>
  <label><input type="checkbox" name="optOut" value="yes"> ${t('csat.optOut')}</label>
  <div><button type="submit">${t('csat.send')}</button></div>
</form>`;
  return html`<!doctype html>
<html lang="${locale}" dir="${isRtl(locale) ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${t('csat.title', { workspace: input.workspaceName })}</title><style>${CSS}</style></head>
<body><main><h1>${t('csat.title', { workspace: input.workspaceName })}</h1>${body}</main></body></html>`;
}
