import { candidateKindSchema } from '@jiebang/contracts';
import { z } from 'zod';
import { needShape, weightOverridesSchema } from '../ranking/ranking.dto';

const itemSchema = z.strictObject({
  /** The order's or application's id in its own service. */
  id: z.string().min(1).max(100),
  ...needShape,
  /** Candidates this item needs; defaults to the batch's `k`. */
  k: z.number().int().min(1).max(10).optional(),
});

/**
 * Items one batch may hold. Runs share one queue, a run at a time per instance: 2,000 items × 500 candidates (a
 * city-wide year) takes a few seconds; a larger batch would hold every other office's runs back for longer.
 */
export const MAX_BATCH_ITEMS = 2000;

/** POST /matching/assignments: a batch of items, described in the request, to assign under quotas. */
export const assignmentRequestSchema = z
  .strictObject({
    wants: candidateKindSchema,
    items: z.array(itemSchema).min(1).max(MAX_BATCH_ITEMS),
    k: z.number().int().min(1).max(10).default(3),
    /** The candidate pool; all indexed candidates of the wanted kind when absent. */
    candidateIds: z.array(z.uuid()).min(1).max(20000).optional(),
    /** Load range per candidate; the maximum defaults to each candidate's free capacity (maxLoad − openLoad). */
    minLoad: z.number().int().min(0).max(100).default(0),
    maxLoad: z.number().int().min(0).max(100).optional(),
    /** Declared conflicts of interest beyond the automatic 回避 rules. */
    conflicts: z
      .array(z.strictObject({ itemId: z.string().min(1), candidateId: z.uuid(), reason: z.string().max(200).optional() }))
      .max(20000)
      .default([]),
    alternates: z.number().int().min(0).max(10).default(3),
    weights: weightOverridesSchema.optional(),
  })
  .refine((r) => new Set(r.items.map((i) => i.id)).size === r.items.length, { message: '事项编号 id 不能重复', path: ['items'] })
  .refine((r) => r.maxLoad === undefined || r.maxLoad >= r.minLoad, { message: '负荷上限不能低于最低负荷', path: ['maxLoad'] });
export type AssignmentRequest = z.infer<typeof assignmentRequestSchema>;
export type AssignmentItem = AssignmentRequest['items'][number];

export const assignmentRunIdSchema = z.uuid({ message: '分配任务编号格式不正确' });
