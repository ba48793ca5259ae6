import type { WorkspaceRecord, WorkspaceSettings } from '../../domain/records.ts';
import { inTransaction, pgCode } from '../../adapters/postgres/database.ts';
import { listTeams } from '../teams/team.store.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { DEFAULT_WORKSPACE_SETTINGS, findWorkspace, insertWorkspace, updateWorkspace } from './workspace.store.ts';

export function createWorkspaceService(deps: ServiceDeps) {
  const { db, clock, ids } = deps;
  return {
    async create(input: { name: string; slug: string; settings?: Partial<WorkspaceSettings> }): Promise<WorkspaceRecord> {
      const workspace: WorkspaceRecord = {
        id: ids(),
        name: input.name,
        slug: input.slug,
        settings: { ...DEFAULT_WORKSPACE_SETTINGS, ...input.settings },
        createdAt: clock(),
      };
      try {
        await insertWorkspace(db, workspace);
      } catch (error) {
        if (pgCode(error) === '23505') throw appError('workspace.slug_taken', `"${input.slug}" is taken.`, { cause: error });
        throw error;
      }
      return workspace;
    },

    async get(id: string): Promise<WorkspaceRecord> {
      const workspace = await findWorkspace(db, id);
      if (!workspace) throw appError('workspace.not_found');
      return workspace;
    },

    /** Settings are merged into the stored ones under a row lock, so concurrent saves of different settings all stay. */
    async update(id: string, change: { name?: string | undefined; settings?: Partial<WorkspaceSettings> | undefined }) {
      const named = (change.settings?.prechat?.topics ?? []).flatMap((t, i) => (t.teamId ? [{ teamId: t.teamId, path: `settings.prechat.topics.${i}.teamId` }] : []));
      if (named.length) {
        const teams = new Set((await listTeams(db, id)).map((t) => t.id));
        const unknown = named.filter((n) => !teams.has(n.teamId));
        if (unknown.length) throw appError('team.not_found', 'A pre-chat topic names a team that is not in this workspace.', { fields: unknown.map((u) => ({ path: u.path, message: 'no such team' })) });
      }
      return inTransaction(db, async (tx) => {
        const current = await findWorkspace(tx, id, { lock: true });
        if (!current) throw appError('workspace.not_found');
        const settings = change.settings ? { ...current.settings, ...stripUndefined(change.settings) } : undefined;
        return (await updateWorkspace(tx, id, { ...(change.name ? { name: change.name } : {}), ...(settings ? { settings } : {}) }))!;
      });
    },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;
