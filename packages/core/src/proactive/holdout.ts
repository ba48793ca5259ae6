/**
 * Whether this customer is in the rule's control group. Deterministic (FNV-1a of rule and
 * customer), so one customer stays on one side on every device and every visit.
 */
export function inHoldout(ruleId: string, customerId: string, percent: number): boolean {
  if (percent <= 0) return false;
  return bucketOf(`${ruleId}:${customerId}`) < percent;
}

/** 0–99, evenly spread. */
export function bucketOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 100;
}
