import { candidateKindSchema, districtCodeSchema, fieldCodeSchema } from '@jiebang/contracts';
import { z } from 'zod';
import { rankingWeightsSchema } from '../engine/weights';

/** Partial weights a caller may pass for one run; unknown names are refused like any other field. */
export const weightOverridesSchema = rankingWeightsSchema.partial();

/** A need as a request describes it (a challenge, an order, an application): shared by ranking and batches. */
export const needShape = {
  title: z.string().max(120).default(''),
  text: z.string().min(1).max(8000),
  keywords: z.array(z.string().min(1).max(30)).max(20).default([]),
  fields: z.array(fieldCodeSchema).max(5).default([]),
  districtCode: districtCodeSchema.nullable().optional(),
  enterpriseOrgId: z.string().min(1).max(100).nullable().default(null),
  relatedOrgIds: z.array(z.string().min(1).max(100)).max(50).default([]),
};

/** POST /matching/rank: a need described in the body. */
export const rankRequestSchema = z.strictObject({
  ...needShape,
  wants: candidateKindSchema,
  k: z.number().int().min(1).max(100).default(10),
  weights: weightOverridesSchema.optional(),
});
export type RankRequest = z.infer<typeof rankRequestSchema>;

export const challengeCandidatesQuerySchema = z.strictObject({
  wants: candidateKindSchema.default('solver'),
  k: z.coerce.number().int().min(1).max(100).default(10),
});
export type ChallengeCandidatesQuery = z.infer<typeof challengeCandidatesQuerySchema>;

export const overrideSchema = z.strictObject({
  candidateId: z.uuid({ message: '候选方编号格式不正确' }),
  reason: z.string().trim().min(4, { message: '请写明人工选择的理由（至少 4 个字）' }).max(500),
});
export type OverrideInput = z.infer<typeof overrideSchema>;

export const runIdSchema = z.uuid({ message: '匹配记录编号格式不正确' });
