import { randomBytes } from 'node:crypto';
import { validateGuide, type GuideDefinition, type GuideStep } from '@tandem/core';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { allArticles } from './kb.store.ts';
import { findGuideByKey, guideEventCounts, insertGuideEvent, saveGuideVersion, type GuideRecord } from './guide.store.ts';

export const GUIDE_CHANNELS = ['help_center', 'widget', 'email', 'sms', 'whatsapp'] as const;
export type GuideChannel = (typeof GUIDE_CHANNELS)[number];

/** Where a run is after a step: the step to show, and whether this step ends the run. */
export interface GuidePosition {
  guide: GuideRecord;
  step: GuideStep;
  runId: string;
}

/** Guides: saved (validated, versioned), run step by step on any channel, and counted. */
export function createGuideService(deps: ServiceDeps) {
  const { db, clock, ids } = deps;

  const log = (guide: GuideRecord, runId: string, event: string, stepId: string | null, channel: GuideChannel) =>
    insertGuideEvent(db, { workspaceId: guide.workspaceId, id: ids(), guideId: guide.id, runId, stepId, event, channel, createdAt: clock() });

  return {
    /** Validates against the workspace's articles (plus `extraArticles`, for an import) and saves a new version. */
    async save(q: Queryable, workspaceId: string, definition: GuideDefinition, authorId: string | null, extraArticles: readonly string[] = []): Promise<GuideRecord> {
      const articles = new Set([...(await allArticles(q, workspaceId)).map((a) => a.key), ...extraArticles]);
      const problems = validateGuide(definition, (key) => articles.has(key));
      if (problems.length > 0) {
        throw appError('guide.invalid', `The guide "${definition.key}" cannot run as written.`, {
          fields: problems.map((p) => ({ path: `${definition.key}${p.step ? `: ${p.step}` : ''}`, message: p.reason })),
        });
      }
      return saveGuideVersion(q, { workspaceId, key: definition.key, definition, authorId, now: clock(), newId: ids });
    },

    async get(workspaceId: string, key: string): Promise<GuideRecord> {
      const guide = await findGuideByKey(db, workspaceId, key);
      if (!guide) throw appError('guide.not_found');
      return guide;
    },

    /** Moves a run to `stepId` (the start when absent or unknown), recording what happened. */
    async advance(input: { workspaceId: string; key: string; stepId: string | undefined; runId: string | undefined; channel: GuideChannel }): Promise<GuidePosition> {
      const guide = await findGuideByKey(db, input.workspaceId, input.key);
      if (!guide) throw appError('guide.not_found');
      const steps = new Map(guide.definition.steps.map((s) => [s.id, s]));
      const isNewRun = !input.runId || !input.stepId || !steps.has(input.stepId);
      const runId = isNewRun ? randomBytes(12).toString('base64url') : input.runId!;
      const step = (isNewRun ? steps.get(guide.definition.start) : steps.get(input.stepId!))!;
      if (isNewRun) await log(guide, runId, 'started', null, input.channel);
      await log(guide, runId, 'step_reached', step.id, input.channel);
      if (step.end) await log(guide, runId, step.end.kind === 'handoff' ? 'handed_off' : 'completed', step.id, input.channel);
      return { guide, step, runId };
    },

    async stats(workspaceId: string, key: string) {
      const guide = await findGuideByKey(db, workspaceId, key);
      if (!guide) throw appError('guide.not_found');
      const counts = await guideEventCounts(db, workspaceId, guide.id);
      const total = (event: string) => counts.filter((c) => c.event === event).reduce((sum, c) => sum + c.runs, 0);
      const [started, completed, handedOff] = [total('started'), total('completed'), total('handed_off')];
      const steps = Object.fromEntries(counts.filter((c) => c.event === 'step_reached' && c.stepId).map((c) => [c.stepId!, c.runs]));
      return { started, completed, handedOff, abandoned: Math.max(0, started - completed - handedOff), steps };
    },
  };
}

export type GuideService = ReturnType<typeof createGuideService>;
