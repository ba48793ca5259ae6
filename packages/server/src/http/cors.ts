import type { FastifyRequest } from 'fastify';
import type { Db } from '../adapters/postgres/database.ts';
import { findWorkspace } from '../features/workspaces/workspace.store.ts';

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
        const allowed = workspace?.settings.widgetOrigins.some((o) => new URL(o).origin === origin) ?? false;
        callback(null, { origin: allowed ? origin : false, methods: ['GET', 'POST'] });
      },
      (error: Error) => callback(error, { origin: false }),
    );
  };
}
