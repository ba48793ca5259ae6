import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasRole, type AgentRole } from '@tandem/core';
import { appError } from '../platform/app-error.ts';
import type { AuthService, Principal } from '../features/auth/auth.service.ts';

/** Who may call a route. Every /api route declares one; the list is checked by a test. */
export type Access = 'public' | 'customer' | AgentRole;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export const SESSION_COOKIE = 'tandem_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const READS = new Set(['GET', 'HEAD']);

/**
 * Authentication runs on `onRequest`, before the body is even parsed: an anonymous caller
 * learns nothing about a route's shape. Tokens come from the Authorization header or, for the
 * console, the session cookie; never from the query string (it ends up in logs).
 */
export function registerAccessControl(app: FastifyInstance, auth: AuthService): RouteAccess[] {
  const routes: RouteAccess[] = [];
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`${route.method} ${route.url} must declare config.access`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, access });
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const { token, fromCookie } = credentialsOf(request);
    if (!token) throw appError('auth.unauthenticated', 'Send a bearer token or sign in.');
    const principal = await auth.authenticate(token);
    if (!principal) throw appError('auth.unauthenticated', 'The token is unknown, expired or revoked.');
    if (fromCookie && UNSAFE.has(request.method) && !isSameOrigin(request)) {
      throw appError('auth.forbidden', 'Cookie-authenticated changes must come from this site.');
    }
    checkAccess(principal, access, request);
    request.principal = principal;
  });
  return routes;
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

function checkAccess(principal: Principal, access: Exclude<Access, 'public'>, request: FastifyRequest): void {
  if (access === 'customer') {
    const { workspaceId } = (request.params ?? {}) as { workspaceId?: string };
    if (principal.kind !== 'customer' || (workspaceId && workspaceId !== principal.workspaceId)) {
      throw appError('auth.forbidden', 'This endpoint is for widget sessions.');
    }
    return;
  }
  if (principal.kind !== 'agent') throw appError('auth.forbidden', 'This endpoint is for agents.');
  if (!hasRole(principal.role, access)) throw appError('auth.forbidden', `This needs the ${access} role.`);
  // Scopes narrow what the agent's role allows, by method: reads are GET and HEAD, everything else writes.
  const isRead = READS.has(request.method);
  if (!isRead && !principal.scopes.includes('write')) throw appError('auth.forbidden', 'This token is read-only.');
  if (isRead && !principal.scopes.includes('read')) throw appError('auth.forbidden', 'This token is write-only.');
}

function credentialsOf(request: FastifyRequest): { token: string | null; fromCookie: boolean } {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), fromCookie: false };
  const cookie = request.cookies[SESSION_COOKIE];
  return { token: cookie ?? null, fromCookie: cookie !== undefined };
}

function isSameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch (error) {
    request.log.debug({ err: error }, 'unparseable Origin header');
    return false;
  }
}

export function agentOf(request: FastifyRequest): Extract<Principal, { kind: 'agent' }> {
  const p = request.principal;
  if (p?.kind !== 'agent') throw appError('auth.unauthenticated');
  return p;
}

export function customerOf(request: FastifyRequest): Extract<Principal, { kind: 'customer' }> {
  const p = request.principal;
  if (p?.kind !== 'customer') throw appError('auth.unauthenticated');
  return p;
}
