import { formalCheckOutcomeSchema, proposalSchema, reasonSchema } from '@jiebang/contracts';
import { z } from 'zod';
import { APPLICATION_STATUSES } from './application.domain';

export const applicationIdSchema = z.uuid({ message: '申请编号格式不正确' });

const strictProposal = z.strictObject(proposalSchema.shape);

/** POST /applications: a draft, through one of the caller's profiles, with the whole proposal. */
export const createApplicationSchema = z.strictObject({
  challengeId: z.uuid({ message: '榜单编号格式不正确' }),
  profileId: z.uuid({ message: '画像编号格式不正确' }),
  proposal: strictProposal.extend({ budget: proposalSchema.shape.budget.default([]), timeline: proposalSchema.shape.timeline.default([]), consortium: proposalSchema.shape.consortium.default([]) }),
});
export type CreateApplicationInput = z.infer<typeof createApplicationSchema>;

/** PATCH /applications/:id: the parts of the proposal to replace. */
export const editApplicationSchema = z.strictObject({ proposal: strictProposal.partial() });
export type EditApplicationInput = z.infer<typeof editApplicationSchema>;

export const withdrawApplicationSchema = z.strictObject({ reason: reasonSchema });

export const formalCheckSchema = z.strictObject({ outcome: formalCheckOutcomeSchema, reason: reasonSchema.optional() });
export type FormalCheckInput = z.infer<typeof formalCheckSchema>;

export const listApplicationsSchema = z.strictObject({
  challengeId: z.uuid({ message: '榜单编号格式不正确' }).optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListApplicationsQuery = z.infer<typeof listApplicationsSchema>;
