import { attachmentSchema, chinaDateSchema, serviceModeSchema } from '@jiebang/contracts';
import { z } from 'zod';
import { DISPATCH_STATES } from './dispatch.domain';

export const dispatchIdSchema = z.uuid({ message: '服务单编号格式不正确' });

const reason = z.string().trim().min(2, { message: '请写明理由（至少 2 个字）' }).max(2000);

export const reasonBodySchema = z.strictObject({ reason });
export type ReasonBody = z.infer<typeof reasonBodySchema>;

export const rankingBodySchema = z.strictObject({ k: z.number().int().min(1).max(50).default(10) });
export type RankingBody = z.infer<typeof rankingBodySchema>;

const profileId = z.uuid({ message: '团队画像编号格式不正确' });

export const recommendationSchema = z.strictObject({
  runId: z.uuid({ message: '匹配记录编号格式不正确' }),
  /** In the order they are offered; k defaults to 3 in the console. */
  teamIds: z.array(profileId).min(1).max(10),
  alternates: z.array(profileId).max(10).default([]),
  overrides: z
    .array(z.strictObject({ candidateId: profileId, reason: z.string().trim().min(4, { message: '请写明人工选择的理由（至少 4 个字）' }).max(500) }))
    .max(20)
    .default([]),
});
export type RecommendationInput = z.infer<typeof recommendationSchema>;

export const serviceRecordBodySchema = z.strictObject({
  date: chinaDateSchema,
  mode: serviceModeSchema,
  hours: z.number().positive().max(24),
  participants: z.array(z.string().trim().min(1).max(50)).min(1).max(30),
  work: z.string().trim().min(1).max(4000),
  outcome: z.string().trim().min(1).max(4000),
  attachments: z.array(attachmentSchema.strict()).max(20).default([]),
});
export type ServiceRecordBody = z.infer<typeof serviceRecordBodySchema>;

export const deliverBodySchema = z.strictObject({ summary: z.string().trim().min(1).max(4000) });
export type DeliverBody = z.infer<typeof deliverBodySchema>;

export const listDispatchesSchema = z.strictObject({
  status: z.enum(DISPATCH_STATES).optional(),
  sort: z.enum(['sla', 'recent']).default('recent'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListDispatchesQuery = z.infer<typeof listDispatchesSchema>;
