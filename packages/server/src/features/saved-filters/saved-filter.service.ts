import type { InboxFilter } from '@tandem/protocol';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { pgCode } from '../../adapters/postgres/database.ts';
import { deleteSavedFilter, insertSavedFilter, listSavedFilters, type SavedFilterRecord } from './saved-filter.store.ts';

/** Each agent's saved inbox filters: theirs alone, kept on the server so they follow the agent. */
export function createSavedFilterService(deps: ServiceDeps) {
  const { db, clock, ids } = deps;
  return {
    list: (workspaceId: string, agentId: string) => listSavedFilters(db, workspaceId, agentId),

    async create(workspaceId: string, agentId: string, input: { name: string; filter: InboxFilter }): Promise<SavedFilterRecord> {
      const record = { id: ids(), name: input.name, filter: input.filter, createdAt: clock() };
      try {
        await insertSavedFilter(db, { ...record, workspaceId, agentId });
      } catch (error) {
        if (pgCode(error) === '23505') throw appError('saved_filter.name_taken', `You have a filter named "${input.name}".`, { cause: error });
        throw error;
      }
      return record;
    },

    async remove(workspaceId: string, agentId: string, id: string): Promise<void> {
      if (!(await deleteSavedFilter(db, workspaceId, agentId, id))) throw appError('saved_filter.not_found');
    },
  };
}

export type SavedFilterService = ReturnType<typeof createSavedFilterService>;
