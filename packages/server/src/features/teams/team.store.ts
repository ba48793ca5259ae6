import { and, asc, eq, inArray } from 'drizzle-orm';
import { pgCode, type Queryable } from '../../adapters/postgres/database.ts';
import { agents, teamMembers, teams } from '../../adapters/postgres/schema.ts';
import { appError } from '../../platform/app-error.ts';

export interface TeamRecord {
  id: string;
  name: string;
  skills: string[];
  agentIds: string[];
  createdAt: Date;
}

async function membersOf(q: Queryable, workspaceId: string, teamIds: string[]) {
  if (teamIds.length === 0) return new Map<string, string[]>();
  const rows = await q
    .select()
    .from(teamMembers)
    .where(and(eq(teamMembers.workspaceId, workspaceId), inArray(teamMembers.teamId, teamIds)));
  const byTeam = new Map<string, string[]>();
  for (const r of rows) byTeam.set(r.teamId, [...(byTeam.get(r.teamId) ?? []), r.agentId]);
  return byTeam;
}

export async function findTeam(q: Queryable, workspaceId: string, id: string): Promise<TeamRecord | null> {
  const [row] = await q.select().from(teams).where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, id)));
  if (!row) return null;
  return { id: row.id, name: row.name, skills: row.skills, createdAt: row.createdAt, agentIds: (await membersOf(q, workspaceId, [id])).get(id) ?? [] };
}

export async function listTeams(q: Queryable, workspaceId: string): Promise<TeamRecord[]> {
  const rows = await q.select().from(teams).where(eq(teams.workspaceId, workspaceId)).orderBy(asc(teams.name));
  const members = await membersOf(q, workspaceId, rows.map((r) => r.id));
  return rows.map((r) => ({ id: r.id, name: r.name, skills: r.skills, createdAt: r.createdAt, agentIds: members.get(r.id) ?? [] }));
}

/** Creates or updates a team and replaces its members; every member must be an agent here. */
export async function saveTeam(
  q: Queryable,
  workspaceId: string,
  team: { id: string; name: string; skills: string[]; agentIds: string[]; createdAt: Date },
  options: { isNew: boolean },
): Promise<void> {
  const unique = [...new Set(team.agentIds)];
  if (unique.length > 0) {
    const found = await q
      .select({ id: agents.id })
      .from(agents)
      .where(and(eq(agents.workspaceId, workspaceId), inArray(agents.id, unique)));
    if (found.length !== unique.length) {
      throw appError('agent.not_found', 'Some agentIds are not agents of this workspace.', {
        fields: [{ path: 'agentIds', message: 'unknown agent' }],
      });
    }
  }
  try {
    if (options.isNew) await q.insert(teams).values({ workspaceId, ...team });
    else
      await q
        .update(teams)
        .set({ name: team.name, skills: team.skills })
        .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, team.id)));
  } catch (error) {
    if (pgCode(error) === '23505') throw appError('team.name_taken', undefined, { cause: error });
    throw error;
  }
  await q.delete(teamMembers).where(and(eq(teamMembers.workspaceId, workspaceId), eq(teamMembers.teamId, team.id)));
  if (unique.length > 0) {
    await q.insert(teamMembers).values(unique.map((agentId) => ({ workspaceId, teamId: team.id, agentId })));
  }
}
