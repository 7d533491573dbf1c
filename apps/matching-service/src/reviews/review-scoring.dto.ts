import { reasonSchema } from '@jiebang/contracts';
import { z } from 'zod';

const criterion = z.number().min(0).max(100);

/** PUT /reviews/:id/score: the rubric, each criterion 0–100, and the expert's comments. */
export const scoreSchema = z.strictObject({
  technical: criterion,
  team: criterion,
  feasibility: criterion,
  comments: z.string().min(1).max(4000),
});
export type ScoreInput = z.infer<typeof scoreSchema>;

export const conflictSchema = z.strictObject({ reason: reasonSchema });

export const replaceSchema = z.strictObject({ expertProfileId: z.uuid({ message: '专家画像编号格式不正确' }) });
