import { and, eq } from 'drizzle-orm';
import { kbArticles, kbGuides, teams } from '../../adapters/postgres/schema.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { Services } from '../../services.ts';
import { generateHistory } from './generate-history.ts';
import { seededRandom } from './history-shape.ts';

/**
 * Six weeks of the tea shop's past, so the dashboards and the feedback inbox show something on a
 * first run; the analytics rollups are brought up to date before the server answers.
 */
export async function seedDemoHistory(services: Services, deps: ServiceDeps, workspaceId: string, agentIds: readonly string[]): Promise<void> {
  const { db } = deps;
  const [articles, guides, teamRows] = await Promise.all([
    db.select({ id: kbArticles.id, key: kbArticles.key, title: kbArticles.title }).from(kbArticles).where(and(eq(kbArticles.workspaceId, workspaceId), eq(kbArticles.locale, 'en'))),
    db.select({ id: kbGuides.id }).from(kbGuides).where(eq(kbGuides.workspaceId, workspaceId)),
    db.select({ id: teams.id }).from(teams).where(eq(teams.workspaceId, workspaceId)),
  ]);
  await generateHistory(db, {
    workspaceId, now: new Date(deps.clock().getTime() - 86_400_000), days: 42, conversationsPerDay: 40, customers: 900,
    agentIds, teamIds: teamRows.map((t) => t.id), articles, guideIds: guides.map((g) => g.id), utcOffsetHours: 7, openShare: 0, random: seededRandom(20261206), newId: deps.ids,
  });
  while ((await services.facts.refresh(workspaceId, 10)) > 0);
}
