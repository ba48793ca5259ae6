import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../adapters/postgres/database.ts';
import { findWorkspace } from '../features/workspaces/workspace.store.ts';
import type { WorkspaceRecord } from '../domain/records.ts';
import { appError } from '../platform/app-error.ts';

const WIDGET_PATH = /^\/api\/v1\/widget\/([0-9a-f-]{36})\//;

/**
 * Cross-origin calls are allowed only on widget routes, and only from the origins the
 * workspace lists (its own site). Everything else is same-origin (the console).
 */
export function widgetCorsDelegator(db: Db) {
  return (request: FastifyRequest, callback: (error: Error | null, options: { origin: boolean | string; credentials?: boolean; methods?: string[] }) => void) => {
    const origin = request.headers.origin;
    const match = WIDGET_PATH.exec(request.url);
    if (!origin || !match) {
      callback(null, { origin: false });
      return;
    }
    findWorkspace(db, match[1]!).then(
      (workspace) => {
        const allowed = isAllowedOrigin(workspace, origin);
        callback(null, { origin: allowed ? origin : false, methods: ['GET', 'POST', 'PUT'] });
      },
      (error: Error) => callback(error, { origin: false }),
    );
  };
}

function isAllowedOrigin(workspace: WorkspaceRecord | null, origin: string): boolean {
  return workspace?.settings.widgetOrigins.some((o) => new URL(o).origin === origin) ?? false;
}

function isSameHost(request: FastifyRequest, origin: string): boolean {
  try {
    return new URL(origin).host === request.headers.host;
  } catch (error) {
    request.log.debug({ err: error }, 'unparseable Origin header');
    return false;
  }
}

/**
 * CORS only tells browsers what they may read; a request the browser sends anyway (a WebSocket
 * upgrade, a simple request) still reaches us. So widget calls from an origin the workspace does
 * not list are refused here too. Calls without an Origin (servers, curl) are not browsers.
 */
export function registerWidgetOriginCheck(app: FastifyInstance, db: Db): void {
  app.addHook('onRequest', async (request) => {
    const origin = request.headers.origin;
    const match = WIDGET_PATH.exec(request.url);
    if (!origin || !match || request.method === 'OPTIONS' || isSameHost(request, origin)) return;
    if (!isAllowedOrigin(await findWorkspace(db, match[1]!), origin)) {
      throw appError('auth.origin_not_allowed', `Add ${origin} to the workspace's widgetOrigins.`);
    }
  });
}
