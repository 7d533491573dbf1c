import { z } from 'zod';
import { applicantSchema, rankedApplicationSchema } from '../application-content';
import { challengeModeSchema, reviewWeightsSchema } from '../challenge-content';
import { defineEvent } from '../event-definition';
import { entityIdSchema, instantSchema, orgIdSchema, reasonSchema, userIdSchema } from '../values';

/**
 * One expert's review of one application. `ownerId` is the expert's user id: reviews are done in person, so only
 * expert profiles with an owner are assigned, and notices about a review go to that person.
 */
export const expertReviewSchema = z.object({
  reviewId: entityIdSchema,
  profileId: entityIdSchema,
  ownerId: userIdSchema,
  name: z.string().min(1).max(100),
});
export type ExpertReview = z.infer<typeof expertReviewSchema>;

/** The 榜单 a review round belongs to (the envelope's subject is its id). */
const round = z.object({ challengeTitle: z.string().min(1).max(120), enterpriseOrgId: orgIdSchema });

/**
 * The formal check is over (on `challenge.closed`, once no application awaits a decision): the QUALIFIED ones go on
 * to review. None qualified: the 榜单 fails (流标).
 */
export const reviewFormalCheckCompletedV1 = defineEvent({
  type: 'review.formal-check-completed',
  version: 1,
  stream: 'review',
  description: 'The formal check of every application to a challenge is complete.',
  data: round.extend({
    qualified: z.array(applicantSchema),
    ineligibleCount: z.number().int().nonnegative(),
    withdrawnCount: z.number().int().nonnegative(),
    completedAt: instantSchema,
  }),
});

/** The bureau confirmed an assignment run: each QUALIFIED application is IN_REVIEW with its experts, due by `dueAt`. */
export const reviewExpertsAssignedV1 = defineEvent({
  type: 'review.experts-assigned',
  version: 1,
  stream: 'review',
  description: 'Experts were assigned to review the qualified applications to a challenge.',
  data: round.extend({
    runId: entityIdSchema,
    assignments: z
      .array(z.object({ applicationId: entityIdSchema, applicantName: z.string().min(1).max(100), experts: z.array(expertReviewSchema).min(1) }))
      .min(1),
    dueAt: instantSchema,
    assignedAt: instantSchema,
  }),
});

/** An assigned expert declared a conflict of interest (回避): the review is DECLINED and needs a replacement. */
export const reviewConflictDeclaredV1 = defineEvent({
  type: 'review.conflict-declared',
  version: 1,
  stream: 'review',
  description: 'An expert declared a conflict of interest with an application assigned to them.',
  data: round.extend({
    applicationId: entityIdSchema,
    expert: expertReviewSchema,
    reason: reasonSchema,
    declaredAt: instantSchema,
  }),
});

/** The review period ran out (timer `review.due`, once): the experts whose reviews are still open are reminded. */
export const reviewExpertRemindedV1 = defineEvent({
  type: 'review.expert-reminded',
  version: 1,
  stream: 'review',
  description: 'Experts with reviews still open at the review due time were reminded.',
  data: round.extend({
    pending: z.array(expertReviewSchema.extend({ applicationId: entityIdSchema })).min(1),
    dueAt: instantSchema,
    remindedAt: instantSchema,
  }),
});

/** The bureau replaced an expert on an application: the old review REPLACED, a new one ASSIGNED (回避 checked). */
export const reviewExpertReplacedV1 = defineEvent({
  type: 'review.expert-replaced',
  version: 1,
  stream: 'review',
  description: 'The bureau replaced an expert reviewing an application.',
  data: round.extend({
    applicationId: entityIdSchema,
    replaced: expertReviewSchema,
    replacement: expertReviewSchema,
    dueAt: instantSchema,
    replacedAt: instantSchema,
  }),
});

/** The bureau closed the round: every application ranked, the top ones PROPOSED, reserves SHORTLISTED, the rest out. */
export const reviewCompletedV1 = defineEvent({
  type: 'review.completed',
  version: 1,
  stream: 'review',
  description: 'Expert review of a challenge was completed and its applications ranked.',
  data: round.extend({
    mode: challengeModeSchema,
    maxWinners: z.number().int().min(1).max(3),
    reviewWeights: reviewWeightsSchema,
    /** Best first; scores of every application reviewed. */
    ranking: z.array(rankedApplicationSchema).min(1),
    completedAt: instantSchema,
  }),
});

/** After an upheld objection the applications concerned are IN_REVIEW again, their reviews reopened until `dueAt`. */
export const reviewReopenedV1 = defineEvent({
  type: 'review.reopened',
  version: 1,
  stream: 'review',
  description: 'Review of some applications to a challenge was reopened after an upheld objection.',
  data: round.extend({
    objectionId: entityIdSchema,
    applicationIds: z.array(entityIdSchema).min(1),
    reviews: z.array(expertReviewSchema.extend({ applicationId: entityIdSchema })).min(1),
    dueAt: instantSchema,
    reopenedAt: instantSchema,
  }),
});

/** Every fact on the review stream, for the platform's event catalogue. */
export const REVIEW_EVENTS = [
  reviewFormalCheckCompletedV1,
  reviewExpertsAssignedV1,
  reviewConflictDeclaredV1,
  reviewExpertRemindedV1,
  reviewExpertReplacedV1,
  reviewCompletedV1,
  reviewReopenedV1,
] as const;
