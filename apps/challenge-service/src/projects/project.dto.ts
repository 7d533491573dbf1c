import { attachmentSchema, midtermDecisionSchema, reasonSchema } from '@jiebang/contracts';
import { z } from 'zod';
import { PROJECT_STATES } from './project.domain';

export const projectIdSchema = z.uuid({ message: '项目编号格式不正确' });
export const challengeIdSchema = z.uuid({ message: '榜单编号格式不正确' });
export const milestoneIndexSchema = z.coerce.number({ message: '里程碑序号须为整数' }).int().min(1).max(20);

export const listProjectsSchema = z.strictObject({
  status: z.enum(PROJECT_STATES).optional(),
  challengeId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListProjectsQuery = z.infer<typeof listProjectsSchema>;

export const submitMilestoneSchema = z.strictObject({
  deliverables: z.array(z.string().min(1).max(2000)).min(1).max(20),
  attachments: z.array(attachmentSchema).max(50).default([]),
});
export type SubmitMilestoneInput = z.infer<typeof submitMilestoneSchema>;

export const commentsSchema = z.strictObject({ comments: reasonSchema });
export const reasonBodySchema = z.strictObject({ reason: reasonSchema });

export const paymentSchema = z.strictObject({
  amountYuan: z.number().int().positive({ message: '付款金额须为正整数（元）' }),
  reference: z.string().min(1).max(100),
});
export type PaymentInput = z.infer<typeof paymentSchema>;

export const midtermSchema = z.strictObject({ decision: midtermDecisionSchema, reason: reasonSchema });
export type MidtermInput = z.infer<typeof midtermSchema>;

export const acceptanceSchema = z.strictObject({ passed: z.boolean(), opinion: reasonSchema });
export type AcceptanceInput = z.infer<typeof acceptanceSchema>;
