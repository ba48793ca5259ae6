import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdentifyBody, MagicLinkBody, RedeemMagicLinkBody, WidgetParams, WidgetSession } from '@tandem/protocol';
import { customerOf } from '../../http/access.ts';
import { responses } from '../../http/responses.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { Services } from '../../services.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';

/** Who the visitor is: identify() from the host site, and magic links to continue elsewhere. */
export function widgetIdentityRoutes(services: Services, deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['widget'];

    app.post(
      '/widget/:workspaceId/identify',
      { config: { access: 'customer', rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { tags, summary: 'The host site says who is signed in (verified by `hash`)', params: WidgetParams, body: IdentifyBody, response: responses({ 200: WidgetSession }) } },
      async (request) => {
        const { workspaceId, customerId } = customerOf(request);
        const header = request.headers.authorization;
        const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
        return services.identify.identify({ workspaceId, customerId, token, body: request.body });
      },
    );

    app.post(
      '/widget/:workspaceId/magic-links',
      { config: { access: 'customer', rateLimit: { max: 5, timeWindow: '10 minutes' } }, schema: { tags, summary: 'Email a link to continue this conversation on another device', params: WidgetParams, body: MagicLinkBody, response: responses({ 202: z.object({ ok: z.literal(true) }) }) } },
      async (request, reply) => {
        const { workspaceId, customerId } = customerOf(request);
        const returnUrl = await checkedReturnUrl(request, workspaceId, request.body.returnUrl);
        await services.magicLinks.request({ workspaceId, customerId, email: request.body.email, locale: request.body.locale, returnUrl });
        reply.code(202);
        return { ok: true as const };
      },
    );

    app.post(
      '/widget/:workspaceId/magic-links/redeem',
      { config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { tags, summary: 'Open a magic link: a session for its customer', params: WidgetParams, body: RedeemMagicLinkBody, response: responses({ 200: WidgetSession }) } },
      async (request) => services.magicLinks.redeem(request.params.workspaceId, request.body.token),
    );
  };

  /**
   * The link carries a sign-in token in its fragment, so it may only lead to this server or to
   * a site the workspace lists: otherwise anyone could have a victim's link land on their page.
   */
  async function checkedReturnUrl(request: FastifyRequest, workspaceId: string, returnUrl: string | undefined): Promise<string> {
    const own = deps.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`;
    if (!returnUrl) return new URL('/demo', own).toString();
    const origin = new URL(returnUrl).origin;
    const workspace = await findWorkspace(deps.db, workspaceId);
    const allowed = [new URL(own).origin, ...(workspace?.settings.widgetOrigins ?? []).map((o) => new URL(o).origin)];
    if (!allowed.includes(origin)) {
      throw appError('request.invalid', 'returnUrl must be on one of the workspace widget origins.', { fields: [{ path: 'body.returnUrl', message: 'origin not allowed' }] });
    }
    return returnUrl;
  }
}
