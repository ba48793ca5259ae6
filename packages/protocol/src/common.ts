import { z } from 'zod';

export const Id = z.uuid().describe('An id (UUID)');
export const Timestamp = z.iso.datetime({ offset: true }).describe('An ISO 8601 date-time');

/** Maximum characters in one message's text, documented in the README. */
export const MESSAGE_MAX_CHARS = 10_000;

export const IdParams = z.strictObject({ id: Id });

type Patch<T extends z.ZodRawShape> = { [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer Inner> ? Inner : T[K]> };

/**
 * A PATCH body from a create body: every field optional and without its default. zod's own
 * `.partial()` keeps defaults, which would silently reset every field the caller left out.
 */
export function patchOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>): z.ZodObject<Patch<T>, z.core.$strict> {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [key, (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional()]),
  );
  return z.strictObject(shape) as unknown as z.ZodObject<Patch<T>, z.core.$strict>;
}

export const PageQuery = z.strictObject({
  cursor: z.string().max(512).optional().describe('Opaque cursor from a previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null at the end'),
  });
}

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .describe('RFC 9457 problem details').meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

export const Ok = z.object({ ok: z.literal(true) });
