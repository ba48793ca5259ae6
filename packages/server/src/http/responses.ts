import type { z } from 'zod';
import { Problem } from '@tandem/protocol';

/** Route response schemas plus the problem document every error uses (for OpenAPI and serialization). */
export function responses<T extends Record<number, z.ZodType>>(ok: T) {
  return { ...ok, '4xx': Problem, '5xx': Problem };
}
