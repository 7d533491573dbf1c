import { challengeContentSchema, challengeDetailsSchema, DEFAULT_REVIEW_WEIGHTS, districtCodeSchema, instantSchema, reasonSchema, SOLVER_TYPES } from '@jiebang/contracts';
import { z } from 'zod';

const content = challengeContentSchema.shape;
const details = challengeDetailsSchema.shape;

/**
 * The editable 榜单 content. The deadline is given as an instant (`deadlineAt`) or as a China date alone
 * (`deadline`: 24:00 that day); the domain takes exactly one of them and derives the other.
 */
const editableFields = {
  title: content.title,
  description: content.description,
  indicators: content.indicators,
  keywords: content.keywords,
  fields: content.fields,
  bountyYuan: content.bountyYuan,
  deadline: content.deadline.optional(),
  deadlineAt: instantSchema.optional(),
  mode: content.mode,
  maxWinners: content.maxWinners,
  researchContent: details.researchContent.nullable(),
  durationMonths: details.durationMonths.nullable(),
  milestones: z.array(details.milestones.element).max(20),
  eligibility: details.eligibility,
  ipArrangement: details.ipArrangement,
  reviewWeights: details.reviewWeights,
  confidentialFields: details.confidentialFields,
  eliminationPolicy: details.eliminationPolicy,
  maxRectificationRounds: details.maxRectificationRounds,
};

/** POST /challenges: the 榜单 content with the defaults of docs/workflows.md §2; unknown fields are refused. */
export const createChallengeSchema = z.strictObject({
  ...editableFields,
  indicators: editableFields.indicators.default([]),
  keywords: editableFields.keywords.default([]),
  fields: editableFields.fields.default([]),
  mode: editableFields.mode.default('SINGLE'),
  maxWinners: editableFields.maxWinners.default(1),
  researchContent: editableFields.researchContent.default(null),
  durationMonths: editableFields.durationMonths.default(null),
  milestones: editableFields.milestones.default([]),
  eligibility: editableFields.eligibility.default({ solverTypes: [...SOLVER_TYPES], qualifications: [], consortiumAllowed: false }),
  ipArrangement: editableFields.ipArrangement.default({ owner: 'NEGOTIATED', note: null }),
  reviewWeights: editableFields.reviewWeights.default(DEFAULT_REVIEW_WEIGHTS),
  confidentialFields: editableFields.confidentialFields.default([]),
  eliminationPolicy: editableFields.eliminationPolicy.default(null),
  maxRectificationRounds: editableFields.maxRectificationRounds.default(2),
  districtCode: districtCodeSchema.optional(),
});
export type CreateChallengeInput = z.infer<typeof createChallengeSchema>;

/** PATCH /challenges/:id: any editable fields, the others unchanged. */
export const editChallengeSchema = z.strictObject(editableFields).partial();
export type EditChallengeInput = z.infer<typeof editChallengeSchema>;

export const listChallengesSchema = z.strictObject({
  status: z.string().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListChallengesQuery = z.infer<typeof listChallengesSchema>;

export const challengeIdSchema = z.uuid({ message: '榜单编号格式不正确' });

export const reasonBodySchema = z.strictObject({ reason: reasonSchema });
export type ReasonBody = z.infer<typeof reasonBodySchema>;

export const commentsBodySchema = z.strictObject({ comments: reasonSchema });
export type CommentsBody = z.infer<typeof commentsBodySchema>;

export const extendDeadlineSchema = z.strictObject({ deadlineAt: instantSchema, reason: reasonSchema });
export type ExtendDeadlineBody = z.infer<typeof extendDeadlineSchema>;
