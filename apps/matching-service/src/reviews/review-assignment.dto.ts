import { z } from 'zod';

export const challengeIdSchema = z.uuid({ message: '榜单编号格式不正确' });
export const runIdSchema = z.uuid({ message: '分配任务编号格式不正确' });

/** POST /challenges/:cid/review/assignment. */
export const reviewAssignmentSchema = z.strictObject({
  /** Experts per application. */
  k: z.number().int().min(1).max(10).default(3),
  /** Most applications one expert reviews in this round; defaults to each expert's free capacity. */
  maxPerExpert: z.number().int().min(1).max(100).optional(),
  /** The pool to draw from; every active expert with an account when absent. */
  expertIds: z.array(z.uuid()).min(1).max(2000).optional(),
});
export type ReviewAssignmentInput = z.infer<typeof reviewAssignmentSchema>;
