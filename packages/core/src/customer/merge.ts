export interface MergeCandidate {
  id: string;
  mergedIntoId: string | null;
}

export type MergeDecision =
  | { kind: 'ok'; survivorId: string; absorbedId: string }
  | { kind: 'rejected'; reason: 'same_record' | 'already_merged' };

/**
 * Two records found to be the same person (or case) become one: the survivor keeps its id and
 * absorbs the other, which is kept (marked merged) so the merge can be reverted from the audit trail.
 */
export function planMerge(survivor: MergeCandidate, absorbed: MergeCandidate): MergeDecision {
  if (survivor.id === absorbed.id) return { kind: 'rejected', reason: 'same_record' };
  if (survivor.mergedIntoId !== null || absorbed.mergedIntoId !== null) {
    return { kind: 'rejected', reason: 'already_merged' };
  }
  return { kind: 'ok', survivorId: survivor.id, absorbedId: absorbed.id };
}
