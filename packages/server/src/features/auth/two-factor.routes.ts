import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { Ok, TwoFactorCodeBody, TwoFactorSetup } from '@tandem/protocol';
import { agentOf } from '../../http/access.ts';
import { responses } from '../../http/responses.ts';
import { appError } from '../../platform/app-error.ts';
import type { Services } from '../../services.ts';
import type { TwoFactorActor } from './two-factor.service.ts';

// Only a signed-in session manages two-factor: a leaked API token must not be able to turn it on
// with the thief's own secret and lock the agent out of the console.
function sessionActor(request: FastifyRequest): TwoFactorActor {
  const principal = agentOf(request);
  if (principal.via !== 'session') throw appError('auth.forbidden', 'Manage two-factor from a signed-in session, not with an API token.');
  return { workspaceId: principal.workspaceId, agentId: principal.agentId, role: principal.role };
}

export function twoFactorRoutes(services: Services): FastifyPluginAsyncZod {
  const tags = ['auth'];
  return async (app) => {
    app.post(
      '/me/two-factor/setup',
      { config: { access: 'agent' }, schema: { tags, summary: 'Start two-factor: a new secret for an authenticator app (shown once)', response: responses({ 200: TwoFactorSetup }) } },
      async (request) => services.auth.twoFactor.setup(sessionActor(request)),
    );

    app.post(
      '/me/two-factor/enable',
      { config: { access: 'agent' }, schema: { tags, summary: 'Turn two-factor on with a code from the new secret', body: TwoFactorCodeBody, response: responses({ 200: Ok }) } },
      async (request) => {
        await services.auth.twoFactor.enable(sessionActor(request), request.body.code);
        return { ok: true as const };
      },
    );

    app.post(
      '/me/two-factor/disable',
      { config: { access: 'agent' }, schema: { tags, summary: 'Turn two-factor off (needs a current code)', body: TwoFactorCodeBody, response: responses({ 200: Ok }) } },
      async (request) => {
        await services.auth.twoFactor.disable(sessionActor(request), request.body.code);
        return { ok: true as const };
      },
    );
  };
}
