import { availabilityAt } from '@tandem/core';
import type { WidgetConfig } from '@tandem/protocol';
import type { WorkspaceRecord } from '../../domain/records.ts';
import { ALLOWED_UPLOAD_TYPES } from '../files/file-types.ts';

/** What the widget needs before it renders; nothing secret. */
export function presentWidgetConfig(workspace: WorkspaceRecord, now: Date, options: { uploadMaxBytes: number; helpSearch: boolean }): WidgetConfig {
  const availability = availabilityAt(workspace.settings.businessHours, now);
  return {
    workspaceId: workspace.id,
    name: workspace.name,
    appearance: workspace.settings.widget,
    availability: { open: availability.open, nextOpenAt: availability.nextOpenAt?.toISOString() ?? null },
    helpSearch: options.helpSearch,
    uploads: { maxBytes: options.uploadMaxBytes, types: [...ALLOWED_UPLOAD_TYPES] },
    prechat: {
      topics: workspace.settings.prechat.topics.map((t) => ({ key: t.key, label: { ...t.label } })),
      chooseBotOrPerson: workspace.settings.prechat.chooseBotOrPerson && workspace.settings.bot.enabled,
    },
  };
}
