import { z } from 'zod';
import { SERVICE_STRATEGIES, VERTICALS } from '@tandem/core';
import { Id } from '../common.ts';
import { LocalizedText } from './kb.schemas.ts';

export const SegmentKeyParams = z.strictObject({ key: z.string().regex(/^[a-z0-9]+([_-][a-z0-9]+)*$/, 'lower-case words joined by - or _').max(60) });

const Rule = z.record(z.string(), z.unknown())
  .describe('`{ all: [...] }`, `{ any: [...] }`, `{ not: rule }` or a condition `{ field, op, value }` over `attributes.<name>` and `behaviour.<metric>`');

export const SegmentBody = z.strictObject({
  name: LocalizedText,
  rule: Rule,
  strategy: z.enum(SERVICE_STRATEGIES).nullable().default(null).describe('How its customers are served; null: leave it to other segments or the vertical'),
  priority: z.number().int().min(-1000).max(1000).default(0).describe('Higher decides first when a customer is in several'),
}).meta({ id: 'SegmentBody' });

export const Segment = z.object({ key: z.string(), ...SegmentBody.shape }).meta({ id: 'Segment' });

export const SegmentPreviewBody = z.strictObject({ rule: Rule });
export const SegmentPreview = z.object({
  examined: z.number().int().describe('The most recently active customers looked at'),
  matched: z.number().int(),
  sample: z.array(z.object({ id: Id, name: z.string().nullable() })).max(20),
}).meta({ id: 'SegmentPreview' });

export const CustomerService = z.object({
  strategy: z.enum(['bot-first', 'hybrid', 'human-first']),
  reason: z.string(),
  segments: z.array(z.string()),
}).meta({ id: 'CustomerService' });

export const Templates = z.object({
  segments: z.array(z.object({ key: z.string(), name: z.record(z.string(), z.string()), description: z.record(z.string(), z.string()), rule: Rule, strategy: z.enum(SERVICE_STRATEGIES), priority: z.number().int() })),
  verticals: z.array(z.object({ vertical: z.enum(VERTICALS), name: z.record(z.string(), z.string()), description: z.record(z.string(), z.string()) })),
});
