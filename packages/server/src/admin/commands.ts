import { randomBytes } from 'node:crypto';
import type { AgentRole } from '@tandem/core';
import { CreateAgentBody, Slug } from '@tandem/protocol';
import type { Config } from '../config/schema.ts';
import { findWorkspaceBySlug } from '../features/workspaces/workspace.store.ts';
import { appError } from '../platform/app-error.ts';
import { seedDemoWorkspace, type DemoCredentials } from './demo-seed.ts';
import { withServices } from './with-services.ts';

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

