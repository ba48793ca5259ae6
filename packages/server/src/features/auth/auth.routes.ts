import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginBody, MESSAGE_MAX_CHARS, Ok, Session } from '@tandem/protocol';
import { presentAgent } from '../../domain/present.ts';
import { agentOf, SESSION_COOKIE } from '../../http/access.ts';
import { responses } from '../../http/responses.ts';
import type { Services } from '../../services.ts';

export function authRoutes(services: Services, options: { secureCookies: boolean; sessionTtlHours: number; uploadMaxBytes: number }): FastifyPluginAsyncZod {
  const limits = { messageMaxChars: MESSAGE_MAX_CHARS, uploadMaxBytes: options.uploadMaxBytes };
  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], summary: 'Sign in (sets the session cookie)', body: LoginBody, response: responses({ 200: Session }) },
      },
      async (request, reply) => {
        const { token, agent, workspace } = await services.auth.login(request.body);
        // A new token on every sign-in: a session id planted before login is never reused.
        reply.setCookie(SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: options.secureCookies,
          path: '/',
          maxAge: options.sessionTtlHours * 3600,
        });
        return { agent: presentAgent(agent), workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug }, limits };
      },
    );

    app.post(
      '/auth/logout',
      { config: { access: 'agent' }, schema: { tags: ['auth'], summary: 'Sign out (revokes this session)', response: responses({ 200: Ok }) } },
      async (request, reply) => {
        const principal = agentOf(request);
        await services.auth.revoke(principal.workspaceId, principal.tokenId);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/me',
      { config: { access: 'agent' }, schema: { tags: ['auth'], summary: 'The signed-in agent', response: responses({ 200: Session }) } },
      async (request) => {
        const principal = agentOf(request);
        const [agent, workspace] = await Promise.all([
          services.agents.get(principal.workspaceId, principal.agentId),
          services.workspaces.get(principal.workspaceId),
        ]);
        return { agent: presentAgent(agent), workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug }, limits };
      },
    );
  };
}
