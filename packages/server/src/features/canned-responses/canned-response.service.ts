import { cannedVariablesIn, isCannedVariable } from '@tandem/core';
import { pgCode } from '../../adapters/postgres/database.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import {
  deleteCannedResponse, insertCannedResponse, searchCannedResponses, updateCannedResponse,
  type CannedResponseFields, type CannedResponseRecord,
} from './canned-response.store.ts';

/** How many canned responses a search returns at most: the console's `/` menu shows the first few. */
const SEARCH_LIMIT = 50;

// A placeholder nothing fills would reach customers as literal braces: refuse it when saving.
function checkVariables(body: string): void {
  const unknown = cannedVariablesIn(body).filter((name) => !isCannedVariable(name));
  if (unknown.length === 0) return;
  const fields = unknown.map((name) => ({ path: 'body', message: `unknown variable {{${name}}}` }));
  throw appError('canned_response.unknown_variable', `Unknown: ${unknown.map((name) => `{{${name}}}`).join(', ')}.`, { fields });
}

async function unlessTaken<T>(fields: Partial<CannedResponseFields>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (pgCode(error) === '23505') throw appError('canned_response.shortcut_taken', `"/${fields.shortcut ?? ''}" exists in ${fields.locale ?? 'this language'}.`, { cause: error });
    throw error;
  }
}

/** Saved replies agents insert with `/shortcut` (admins write them). */
export function createCannedResponseService(deps: ServiceDeps) {
  const { db, clock, ids } = deps;

  return {
    search: (workspaceId: string, filter: { text?: string | undefined; locale?: CannedResponseFields['locale'] | undefined }) =>
      searchCannedResponses(db, workspaceId, { ...filter, limit: SEARCH_LIMIT }),

    async create(workspaceId: string, fields: CannedResponseFields, createdBy: string): Promise<CannedResponseRecord> {
      checkVariables(fields.body);
      const now = clock();
      const record = { workspaceId, id: ids(), ...fields, createdBy, createdAt: now, updatedAt: now };
      await unlessTaken(fields, () => insertCannedResponse(db, record));
      return record;
    },

    async update(workspaceId: string, id: string, change: Partial<CannedResponseFields>): Promise<CannedResponseRecord> {
      if (change.body !== undefined) checkVariables(change.body);
      const updated = await unlessTaken(change, () => updateCannedResponse(db, workspaceId, id, { ...change, updatedAt: clock() }));
      if (!updated) throw appError('canned_response.not_found');
      return updated;
    },

    async remove(workspaceId: string, id: string): Promise<void> {
      if (!(await deleteCannedResponse(db, workspaceId, id))) throw appError('canned_response.not_found');
    },
  };
}

export type CannedResponseService = ReturnType<typeof createCannedResponseService>;
