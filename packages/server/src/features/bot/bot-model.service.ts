import { and, eq } from 'drizzle-orm';
import { classify, decodeModel, encodeModel, trainIntentModel, type IntentModel, type LabelledText } from '@tandem/nlu';
import { kbArticles } from '../../adapters/postgres/schema.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import { findModel, findModelTrainedAt, listIntents, listTrainingPhrases, saveModel } from './bot.store.ts';

/** Articles answer questions too: their sample questions train an intent named after the article. */
export const ARTICLE_INTENT_PREFIX = 'article:';

interface Loaded {
  trainedAt: number;
  model: IntentModel;
}

/**
 * The workspace's classifier: trained from its intents' phrases, its articles' sample questions
 * and the customer messages agents confirmed, stored in the database, cached per process (and
 * reloaded when another process retrains). Retraining runs in the background, one at a time.
 */
export function createBotModelService(deps: ServiceDeps) {
  const { db, log, clock } = deps;
  const cache = new Map<string, Loaded>();
  const training = new Map<string, Promise<void>>();
  const pending = new Set<string>();

  async function examples(workspaceId: string): Promise<LabelledText[]> {
    const [intents, confirmed, articles] = await Promise.all([
      listIntents(db, workspaceId),
      listTrainingPhrases(db, workspaceId),
      db.select({ key: kbArticles.key, questions: kbArticles.sampleQuestions }).from(kbArticles)
        .where(and(eq(kbArticles.workspaceId, workspaceId), eq(kbArticles.status, 'published'))),
    ]);
    return [
      ...intents.flatMap((intent) => Object.values(intent.phrases).flat().map((text) => ({ text, intent: intent.key }))),
      ...confirmed.map((row) => ({ text: row.text, intent: row.intentKey })),
      ...articles.flatMap((a) => a.questions.map((text) => ({ text, intent: `${ARTICLE_INTENT_PREFIX}${a.key}` }))),
    ];
  }

  async function train(workspaceId: string) {
    const data = await examples(workspaceId);
    const workspace = await findWorkspace(db, workspaceId);
    const started = performance.now();
    const threshold = workspace?.settings.bot.threshold ?? undefined;
    const model = trainIntentModel(data, threshold === undefined ? {} : { threshold });
    const trainingMs = Math.round(performance.now() - started);
    const trainedAt = clock();
    await saveModel(db, { workspaceId, model: encodeModel(model), examples: data.length, intents: model.intents.length, threshold: model.threshold, trainingMs, trainedAt });
    cache.set(workspaceId, { trainedAt: trainedAt.getTime(), model });
    log.info({ workspaceId, examples: data.length, intents: model.intents.length, trainingMs }, 'bot model trained');
  }

  /** Trains now (coalescing concurrent requests) and resolves when the new model is stored. */
  function retrain(workspaceId: string): Promise<void> {
    const running = training.get(workspaceId);
    if (running) {
      pending.add(workspaceId);
      return running;
    }
    const run = train(workspaceId).finally(() => {
      training.delete(workspaceId);
      if (pending.delete(workspaceId)) retrain(workspaceId).catch((error: unknown) => log.error({ err: error, workspaceId }, 'bot training failed'));
    });
    training.set(workspaceId, run);
    return run;
  }

  /** The cached model while it is the stored one; the stored bytes are read only when another process retrained. */
  async function model(workspaceId: string): Promise<IntentModel | null> {
    const trainedAt = await findModelTrainedAt(db, workspaceId);
    if (!trainedAt) return null;
    const cached = cache.get(workspaceId);
    if (cached && cached.trainedAt === trainedAt.getTime()) return cached.model;
    const stored = await findModel(db, workspaceId);
    if (!stored) return null;
    const loaded = { trainedAt: stored.trainedAt.getTime(), model: decodeModel(stored.model) };
    cache.set(workspaceId, loaded);
    return loaded.model;
  }

  return {
    retrain,
    /** Retraining after an edit, without making the editor wait. */
    retrainLater(workspaceId: string): void {
      retrain(workspaceId).catch((error: unknown) => log.error({ err: error, workspaceId }, 'bot training failed'));
    },
    /** Resolves when no training is running (tests, shutdown). */
    async settled(): Promise<void> {
      while (training.size > 0) await Promise.allSettled([...training.values()]);
    },
    model,
    async classify(workspaceId: string, text: string) {
      const loaded = await model(workspaceId);
      return loaded ? { ...classify(loaded, text), threshold: loaded.threshold } : null;
    },
    async status(workspaceId: string) {
      const stored = await findModel(db, workspaceId);
      return {
        trained: stored !== null,
        examples: stored?.examples ?? 0,
        intents: stored?.intents ?? 0,
        threshold: stored?.threshold ?? null,
        trainingMs: stored?.trainingMs ?? null,
        trainedAt: stored?.trainedAt ?? null,
      };
    },
  };
}

export type BotModelService = ReturnType<typeof createBotModelService>;
