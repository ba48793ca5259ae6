import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LOCALES } from '@tandem/core';
import { preferredLocale } from '../../i18n/preferred-locale.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { findIdentitySecret, findWorkspaceBySlug } from '../workspaces/workspace.store.ts';
import { identityHash } from './identify.service.ts';
import { renderDemoPage } from './demo-page.ts';

const DemoQuery = z.object({ lang: z.enum(LOCALES).optional(), as: z.literal('shopper').optional() });
const SHOPPER = { id: 'shop-user-4821', name: 'Trần Văn Minh', email: 'minh.tran@example.com' };

/** GET /demo: the demo workspace's storefront, where a new user meets the widget as a customer. */
export function registerDemoPage(app: FastifyInstance, deps: ServiceDeps): void {
  app.get('/demo', { schema: { hide: true, querystring: DemoQuery } }, async (request, reply) => {
    const query = request.query as z.infer<typeof DemoQuery>;
    const workspace = await findWorkspaceBySlug(deps.db, 'demo');
    if (!workspace) {
      return reply.code(404).type('text/plain; charset=utf-8').send('No demo workspace: start with TANDEM_DEMO=true on an empty database, or run `tandem seed`.');
    }
    const locale = query.lang ?? preferredLocale(request.headers['accept-language']);
    // What a shop's own server does after sign-in: sign the user id with the identity secret.
    const secret = query.as ? await findIdentitySecret(deps.db, workspace.id) : null;
    const shopper = secret ? { ...SHOPPER, hash: identityHash(secret, SHOPPER.id) } : null;
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(renderDemoPage({ locale, workspaceId: workspace.id, shopper }));
  });
}
