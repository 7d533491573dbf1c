import { challengeContentSchema, districtCodeSchema } from '@jiebang/contracts';
import { z } from 'zod';

/** POST /challenges: the 榜单 content; unknown fields are refused. The district defaults to the caller's. */
export const createChallengeSchema = z.strictObject({
  ...challengeContentSchema.shape,
  indicators: challengeContentSchema.shape.indicators.default([]),
  keywords: challengeContentSchema.shape.keywords.default([]),
  fields: challengeContentSchema.shape.fields.default([]),
  mode: challengeContentSchema.shape.mode.default('SINGLE'),
  maxWinners: challengeContentSchema.shape.maxWinners.default(1),
  districtCode: districtCodeSchema.optional(),
});
export type CreateChallengeInput = z.infer<typeof createChallengeSchema>;

export const listChallengesSchema = z.strictObject({
  status: z.string().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListChallengesQuery = z.infer<typeof listChallengesSchema>;

export const challengeIdSchema = z.uuid({ message: '榜单编号格式不正确' });
