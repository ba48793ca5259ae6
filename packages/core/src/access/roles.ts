import type { AgentRole } from '../vocabulary.ts';

// Roles are ordered: an owner can do everything an admin can, an admin everything an agent can.
const RANK = { agent: 1, admin: 2, owner: 3 } as const satisfies Record<AgentRole, number>;

export function hasRole(actual: AgentRole, required: AgentRole): boolean {
  return RANK[actual] >= RANK[required];
}

/** Only an owner may create or promote owners; admins manage agents and admins. */
export function canAssignRole(actor: AgentRole, target: AgentRole): boolean {
  if (target === 'owner') return actor === 'owner';
  return hasRole(actor, 'admin');
}
