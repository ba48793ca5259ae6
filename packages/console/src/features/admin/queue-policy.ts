import type { AssignmentMethod, Capacity } from '@tandem/core';
import type { BusinessHours } from '@tandem/protocol';
import type { HttpClient } from '../../api/http-client.ts';

/** A team's queue policy, as GET /teams/:teamId/queue-policy returns it (QueuePolicy in the OpenAPI document). */
export interface QueuePolicy {
  teamId: string;
  method: AssignmentMethod;
  requiredSkills: string[];
  optionalSkills: string[];
  stickyWindowSeconds: number;
  overflow: { afterSeconds: number; widen: 'optional-skills' | 'teams'; teamIds?: string[] }[];
  capacity: Capacity | null;
  hours: BusinessHours | null;
  holidays: string[];
  reassignAfterSeconds: number;
}

export type QueuePolicyChange = Partial<Omit<QueuePolicy, 'teamId'>>;

/** PUT replaces the whole policy (a field left out takes its default): send every field as loaded, with the change. */
export function saveQueuePolicy(http: HttpClient, policy: QueuePolicy, change: QueuePolicyChange): Promise<QueuePolicy> {
  const { teamId, ...body } = policy;
  return http.send('PUT', `/teams/${teamId}/queue-policy`, { ...body, ...change });
}
