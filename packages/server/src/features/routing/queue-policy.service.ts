import { eq } from 'drizzle-orm';
import { DEFAULT_POLICY, validateSchedule } from '@tandem/core';
import type { z } from 'zod';
import type { QueuePolicyBody } from '@tandem/protocol';
import { agents as agentsTable } from '../../adapters/postgres/schema.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { findTeam, listTeams } from '../teams/team.store.ts';
import { loadPolicies, savePolicy, type StoredPolicy } from './queue-policy.store.ts';

type PolicyBody = z.output<typeof QueuePolicyBody>;
interface FieldError { path: string; message: string }

/** Why a policy could not work, each with where: a skill no agent has, a team nobody is in, an unknown team. */
export function policyProblems(body: PolicyBody, team: { id: string; agentIds: readonly string[] }, skillsOf: ReadonlyMap<string, readonly string[]>, teamIds: ReadonlySet<string>): FieldError[] {
  const problems: FieldError[] = [];
  const known = new Set([...skillsOf.values()].flat());
  for (const [field, skills] of [['requiredSkills', body.requiredSkills], ['optionalSkills', body.optionalSkills]] as const) {
    skills.forEach((skill, i) => { if (!known.has(skill)) problems.push({ path: `${field}.${i}`, message: `no agent has the skill "${skill}"` }); });
  }
  if (team.agentIds.length === 0) problems.push({ path: 'teamId', message: 'the team has no agents' });
  else if (body.requiredSkills.length && !team.agentIds.some((id) => body.requiredSkills.every((s) => skillsOf.get(id)?.includes(s)))) {
    problems.push({ path: 'requiredSkills', message: 'no agent of this team has every required skill' });
  }
  if (body.hours) for (const message of validateSchedule({ ...body.hours, holidays: body.holidays })) problems.push({ path: 'hours', message });
  body.overflow.forEach((step, i) => {
    if (i > 0 && step.afterSeconds <= body.overflow[i - 1]!.afterSeconds) problems.push({ path: `overflow.${i}.afterSeconds`, message: 'each step comes later than the one before' });
    (step.teamIds ?? []).forEach((id, k) => {
      if (!teamIds.has(id)) problems.push({ path: `overflow.${i}.teamIds.${k}`, message: 'no such team' });
      else if (id === team.id) problems.push({ path: `overflow.${i}.teamIds.${k}`, message: 'a team cannot overflow to itself' });
    });
  });
  return problems;
}

export function createQueuePolicyService(deps: ServiceDeps & { onChanged: (workspaceId: string) => void }) {
  const { db, clock } = deps;
  const present = (teamId: string, p: Omit<StoredPolicy, 'roundRobinCursor' | 'teamId'> | undefined): Omit<StoredPolicy, 'roundRobinCursor'> =>
    ({ ...DEFAULT_POLICY, capacity: null, reassignAfterSeconds: 0, schedule: { hours: null, holidays: [] }, ...p, teamId });

  return {
    async get(workspaceId: string, teamId: string): Promise<Omit<StoredPolicy, 'roundRobinCursor'>> {
      if (!(await findTeam(db, workspaceId, teamId))) throw appError('team.not_found');
      return present(teamId, (await loadPolicies(db, workspaceId)).get(teamId));
    },

    async save(workspaceId: string, teamId: string, body: PolicyBody) {
      const team = await findTeam(db, workspaceId, teamId);
      if (!team) throw appError('team.not_found');
      const [agents, teams] = await Promise.all([
        db.select({ id: agentsTable.id, skills: agentsTable.skills }).from(agentsTable).where(eq(agentsTable.workspaceId, workspaceId)),
        listTeams(db, workspaceId),
      ]);
      const problems = policyProblems(body, team, new Map(agents.map((a) => [a.id, a.skills])), new Set(teams.map((t) => t.id)));
      if (problems.length) throw appError('routing_policy.invalid', problems.map((p) => p.message).join('; '), { fields: problems });
      const { hours, holidays, ...rest } = body;
      const policy = { teamId, ...rest, schedule: { hours, holidays } };
      await savePolicy(db, workspaceId, policy, clock());
      deps.onChanged(workspaceId);
      return present(teamId, policy);
    },
  };
}
