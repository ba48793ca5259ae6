import { randomBytes } from 'node:crypto';
import type { AgentRole } from '@tandem/core';
import { CreateAgentBody, Slug } from '@tandem/protocol';
import type { Config } from '../config/schema.ts';
import { createLogger } from '../platform/logger.ts';
import { systemClock, uuidV7 } from '../platform/clock.ts';
import { createInProcessBus } from '../adapters/bus/in-process.bus.ts';
import { createServices } from '../services.ts';
import { openConfiguredDatabase, openFileStorage, openMailer } from '../main.ts';
import { findWorkspaceBySlug } from '../features/workspaces/workspace.store.ts';
import { appError } from '../platform/app-error.ts';
import { seedDemoWorkspace, type DemoCredentials } from './demo-seed.ts';
import type { ServiceDeps } from '../platform/deps.ts';

/** Runs an admin task against the configured database, with no HTTP server. */
async function withServices<T>(config: Config, task: (services: ReturnType<typeof createServices>, deps: ServiceDeps) => Promise<T>): Promise<T> {
  const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const database = await openConfiguredDatabase(config);
  try {
    await database.migrate();
    const bus = createInProcessBus(log);
    const deps: ServiceDeps = { config, log, db: database.db, bus, mailer: openMailer(config, log), files: openFileStorage(config), clock: systemClock, ids: uuidV7 };
    const services = createServices(deps);
    const result = await task(services, deps);
    await services.appender.drain();
    await deps.mailer.close();
    return result;
  } finally {
    await database.close();
  }
}

export async function migrate(config: Config): Promise<void> {
  await withServices(config, async () => undefined);
}

/** Creates the demo workspace unless one already exists. */
export function seed(config: Config): Promise<DemoCredentials | null> {
  return withServices(config, async (services, deps) =>
    (await findWorkspaceBySlug(deps.db, 'demo')) ? null : seedDemoWorkspace(services, deps),
  );
}

export interface CreateAgentOptions {
  workspace: string;
  workspaceName?: string | undefined;
  email: string;
  name: string;
  role: AgentRole;
  password?: string | undefined;
}

/** Creates an agent (and the workspace, when --workspace-name is given and it is new). */
export function createAgent(config: Config, options: CreateAgentOptions): Promise<{ workspaceId: string; password: string; generated: boolean }> {
  const slug = Slug.parse(options.workspace);
  const password = options.password ?? randomBytes(12).toString('base64url');
  const input = CreateAgentBody.parse({ email: options.email, name: options.name, role: options.role, password });
  return withServices(config, async (services, deps) => {
    let workspace = await findWorkspaceBySlug(deps.db, slug);
    if (!workspace && options.workspaceName) workspace = await services.workspaces.create({ name: options.workspaceName, slug });
    if (!workspace) throw appError('workspace.not_found', `No workspace "${slug}": pass --workspace-name to create it.`);
    await services.agents.create(workspace.id, input, null);
    return { workspaceId: workspace.id, password, generated: options.password === undefined };
  });
}

