import { DEFAULT_PRIVACY_SETTINGS, type PrivacySettings } from '@tandem/core';
import { inTransaction } from '../../adapters/postgres/database.ts';
import type { Actor } from '../../domain/records.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { recordAudit } from '../audit/audit.store.ts';
import { findWorkspace, updateWorkspace } from '../workspaces/workspace.store.ts';

/** The workspace's privacy settings: masking for agents (applied elsewhere) and the retention period. */
export function createPrivacySettingsService(deps: ServiceDeps & { onSettingsChanged: (workspaceId: string, settings: PrivacySettings) => void }) {
  const { db, clock, ids } = deps;
  return {
    async get(workspaceId: string): Promise<PrivacySettings> {
      const workspace = await findWorkspace(db, workspaceId);
      if (!workspace) throw appError('workspace.not_found');
      return { ...DEFAULT_PRIVACY_SETTINGS, ...workspace.settings.privacy };
    },

    /** Replaces the settings and audits the change with what they were; an unchanged save records nothing. */
    async replace(workspaceId: string, next: PrivacySettings, actor: Actor): Promise<PrivacySettings> {
      const saved = await inTransaction(db, async (tx) => {
        // The row lock orders concurrent saves, so each audit entry's `before` is what it replaced.
        const workspace = await findWorkspace(tx, workspaceId, { lock: true });
        if (!workspace) throw appError('workspace.not_found');
        const before: PrivacySettings = { ...DEFAULT_PRIVACY_SETTINGS, ...workspace.settings.privacy };
        const after: PrivacySettings = { maskPiiForAgents: next.maskPiiForAgents, retentionDays: next.retentionDays, retentionAction: next.retentionAction };
        if (before.maskPiiForAgents === after.maskPiiForAgents && before.retentionDays === after.retentionDays && before.retentionAction === after.retentionAction) return after;
        await updateWorkspace(tx, workspaceId, { settings: { ...workspace.settings, privacy: after } });
        await recordAudit(tx, {
          workspaceId, id: ids(), actor, action: 'settings.privacy_changed', targetType: 'workspace', targetId: workspaceId,
          data: { before: { ...before }, after: { ...after } }, at: clock(),
        });
        return after;
      });
      deps.onSettingsChanged(workspaceId, saved);
      return saved;
    },
  };
}

export type PrivacySettingsService = ReturnType<typeof createPrivacySettingsService>;
