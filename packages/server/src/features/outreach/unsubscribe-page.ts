import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { html } from '../../http/html.ts';
import { preferredLocale } from '../../i18n/preferred-locale.ts';
import { isRtl, translator } from '../../i18n/translator.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import type { Unsubscribe } from './unsubscribe.ts';

const Params = z.object({ workspaceId: z.uuid(), token: z.string().max(100) });
const CSS = 'body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1b1f24}main{max-inline-size:32rem;margin-block:3rem;margin-inline:auto;background:#fff;padding:2rem;border-radius:12px}button{padding:.6rem 1.2rem;border:0;border-radius:8px;background:#1f6feb;color:#fff;font-size:1rem}';

/** GET shows the question, POST records the opt-out: plain HTML that works without JavaScript. */
export async function registerUnsubscribePages(app: FastifyInstance, unsubscribe: Unsubscribe, deps: ServiceDeps): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 1024 });
    const render = async (request: FastifyRequest, reply: FastifyReply, submit: boolean) => {
      const locale = preferredLocale(request.headers['accept-language']);
      const t = translator(locale);
      const params = Params.safeParse(request.params);
      const customerId = params.success ? await unsubscribe.customerOf(params.data.workspaceId, params.data.token) : null;
      const workspace = params.success && customerId ? await findWorkspace(deps.db, params.data.workspaceId) : null;
      if (!params.success || !customerId || !workspace) return reply.code(404).type('text/plain; charset=utf-8').send(t('outreach.invalid'));
      if (submit) await unsubscribe.optOut(workspace.id, params.data.token);
      const name = { workspace: workspace.name };
      const body = submit
        ? html`<p role="status">${t('outreach.done', name)}</p>`
        : html`<form method="post" action="${request.url}"><p>${t('outreach.question', name)}</p><button type="submit">${t('outreach.confirm')}</button></form>`;
      const page = html`<!doctype html>
<html lang="${locale}" dir="${isRtl(locale) ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${t('outreach.title', name)}</title><style>${CSS}</style></head><body><main><h1>${t('outreach.title', name)}</h1>${body}</main></body></html>`;
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'").send(page.toString());
    };
    scope.get('/unsubscribe/:workspaceId/:token', { schema: { hide: true } }, (request, reply) => render(request, reply, false));
    scope.post('/unsubscribe/:workspaceId/:token', { schema: { hide: true }, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, (request, reply) => render(request, reply, true));
  });
}
