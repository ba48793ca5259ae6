import type { PrivacySettings } from '@tandem/core';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { PublicUrl } from '../../platform/public-url.ts';
import { createCustomerExportService } from './customer-export.service.ts';
import { createErasureService } from './erasure.service.ts';
import { createFileRemovals } from './file-removals.ts';
import { createPrivacySettingsService } from './privacy-settings.service.ts';
import { createRetentionService } from './retention.service.ts';

/** Customer data rights (export, erasure) and the workspace's privacy settings and retention. */
export function createPrivacyServices(deps: ServiceDeps & { publicUrl: PublicUrl; onTrainingChanged: (workspaceId: string) => void; onSettingsChanged: (workspaceId: string, settings: PrivacySettings) => void }) {
  const fileRemovals = createFileRemovals(deps);
  return {
    fileRemovals,
    exports: createCustomerExportService(deps),
    erasure: createErasureService({ ...deps, fileRemovals }),
    retention: createRetentionService({ ...deps, fileRemovals }),
    settings: createPrivacySettingsService(deps),
  };
}

export type PrivacyServices = ReturnType<typeof createPrivacyServices>;
