import { createHash, timingSafeEqual } from 'node:crypto';

// Both sides are hashed first so the comparison takes the same time whatever the lengths:
// timingSafeEqual alone throws on a length mismatch, which would leak the secret's length.
export function constantTimeEqual(a: string, b: string): boolean {
  const digestA = createHash('sha256').update(a, 'utf8').digest();
  const digestB = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(digestA, digestB);
}
