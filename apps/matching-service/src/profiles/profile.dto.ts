import { candidateKindSchema, districtCodeSchema, fieldCodeSchema, profileContentSchema } from '@jiebang/contracts';
import { z } from 'zod';
import { isFuture } from './profile.domain';

const c = profileContentSchema.shape;

/**
 * POST /profiles and PUT /profiles/:id: the whole profile. The organisation defaults to the caller's (a candidate
 * registering itself cannot name another); affiliations left out keep the ones on record.
 */
export const profileInputSchema = z.strictObject({
  kind: c.kind,
  name: c.name,
  orgId: c.orgId.optional(),
  orgName: c.orgName.optional(),
  districtCode: c.districtCode.optional(),
  region: c.region.default('chongqing'),
  city: c.city.default(null),
  fields: c.fields.default([]),
  capabilities: c.capabilities,
  pastWork: c.pastWork.default([]),
  keywords: c.keywords.default([]),
  maxLoad: c.maxLoad.default(3),
  affiliations: c.affiliations.optional(),
  suspended: c.suspended.default(false),
  willingness: c.willingness.default('neutral'),
  orgType: c.orgType,
  qualifications: c.qualifications,
  /** For an expert registered by the bureau: the expert's user id, so the expert can then manage it. */
  ownerId: z.string().min(1).max(100).optional(),
  /** Open orders or projects now (authorities only; the workflow keeps it current afterwards). */
  openLoad: z.number().int().min(0).max(1000).optional(),
});
export type ProfileInput = z.infer<typeof profileInputSchema>;

export const capacitySchema = z.strictObject({
  openLoad: z.number().int().min(0).max(1000),
  maxLoad: c.maxLoad.optional(),
});
export type CapacityInput = z.infer<typeof capacitySchema>;

/** A fact's date: not later than now (plus the clock skew allowed), or it would outweigh every real one. */
const pastInstant = z.iso
  .datetime({ offset: true })
  .refine((at) => !isFuture(new Date(at), new Date()), { message: '日期不能晚于当前时间' });

export const ratingSchema = z.strictObject({
  ratingId: z.string().min(1).max(100),
  score: z.number().int().min(1).max(5),
  ratedAt: pastInstant.optional(),
  enterpriseOrgId: z.string().min(1).max(100),
});
export type RatingInput = z.infer<typeof ratingSchema>;

export const disputeSchema = z.strictObject({
  disputeId: z.string().min(1).max(100),
  enterpriseOrgId: z.string().min(1).max(100),
  upheldAt: pastInstant.optional(),
  reason: z.string().min(1).max(500),
});
export type DisputeInput = z.infer<typeof disputeSchema>;

export const withdrawSchema = z.strictObject({ reason: z.string().min(1).max(500) });

export const listProfilesSchema = z.strictObject({
  kind: candidateKindSchema.optional(),
  districtCode: districtCodeSchema.optional(),
  field: fieldCodeSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListProfilesQuery = z.infer<typeof listProfilesSchema>;

export const profileIdSchema = z.uuid({ message: '画像编号格式不正确' });
