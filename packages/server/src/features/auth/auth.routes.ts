import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginBody, MESSAGE_MAX_CHARS, Ok, RevokedSessions, Session } from '@tandem/protocol';
import type { AgentRecord, WorkspaceRecord } from '../../domain/records.ts';
import { presentAgent } from '../../domain/present.ts';
import { agentOf, SESSION_COOKIE } from '../../http/access.ts';
import { responses } from '../../http/responses.ts';
import { appError } from '../../platform/app-error.ts';
import type { Services } from '../../services.ts';
import { twoFactorRoutes } from './two-factor.routes.ts';

export function authRoutes(services: Services, options: { secureCookies: boolean; sessionTtlHours: number; uploadMaxBytes: number }): FastifyPluginAsyncZod {
  const limits = { messageMaxChars: MESSAGE_MAX_CHARS, uploadMaxBytes: options.uploadMaxBytes };
  const session = (agent: AgentRecord, workspace: WorkspaceRecord, twoFactorEnabled: boolean) => ({
    agent: presentAgent(agent),
    workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug },
    limits,
    twoFactorEnabled,
  });
  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], summary: 'Sign in (sets the session cookie)', body: LoginBody, response: responses({ 200: Session }) },
      },
      async (request, reply) => {
        // The session this browser still carries is revoked once the new one exists, so an old
        // (possibly planted or stolen) cookie does not outlive the sign-in that replaced it.
        const result = await services.auth.login(request.body, request.cookies[SESSION_COOKIE]);
        if (result.kind === 'locked') {
          reply.header('retry-after', String(result.retryAfterSeconds));
          throw appError('auth.locked', `Too many failed sign-ins: try again in ${Math.ceil(result.retryAfterSeconds / 60)} minutes.`);
        }
        reply.setCookie(SESSION_COOKIE, result.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: options.secureCookies,
          path: '/',
          maxAge: options.sessionTtlHours * 3600,
        });
        return session(result.agent, result.workspace, result.twoFactorEnabled);
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

    app.post(
      '/auth/sessions/revoke-others',
      { config: { access: 'agent' }, schema: { tags: ['auth'], summary: 'Sign out every other session of yours (keeps this one)', response: responses({ 200: RevokedSessions }) } },
      async (request) => {
        const principal = agentOf(request);
        return { revoked: await services.auth.revokeOtherSessions(principal.workspaceId, { agentId: principal.agentId, keepId: principal.tokenId }) };
      },
    );

    app.get(
      '/me',
      { config: { access: 'agent' }, schema: { tags: ['auth'], summary: 'The signed-in agent', response: responses({ 200: Session }) } },
      async (request) => {
        const principal = agentOf(request);
        const [agent, workspace, twoFactorEnabled] = await Promise.all([
          services.agents.get(principal.workspaceId, principal.agentId),
          services.workspaces.get(principal.workspaceId),
          services.auth.twoFactor.isEnabled(principal.workspaceId, principal.agentId),
        ]);
        return session(agent, workspace, twoFactorEnabled);
      },
    );

    await app.register(twoFactorRoutes(services));
  };
}
