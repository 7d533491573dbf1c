import { z } from 'zod';
import { applicantRefSchema, applicantRoleSchema, rankedApplicationSchema } from '../application-content';
import { challengeContentSchema, challengeDetailsSchema, challengeModeSchema, fullChallengeContentSchema } from '../challenge-content';
import { districtCodeSchema } from '../districts';
import { defineEvent } from '../event-definition';
import { roleSchema } from '../roles';
import { attachmentSchema, entityIdSchema, instantSchema, orgIdSchema, orgNameSchema, reasonSchema, yuanSchema } from '../values';

/** The 榜单 and its enterprise, as every challenge fact names them for notices and read models. */
export const challengeRefSchema = z.object({
  title: challengeContentSchema.shape.title,
  enterpriseOrgId: orgIdSchema,
  enterpriseName: orgNameSchema,
  districtCode: districtCodeSchema,
});

/** Everyone who applied (active applications, from challenge-service's `challenge_applications`), to be told. */
const applicants = z.array(applicantRefSchema);

/** 企业提交榜单: the enterprise has submitted its draft for vetting (专家论证) by the municipal bureau. */
export const challengeSubmittedV1 = defineEvent({
  type: 'challenge.submitted',
  version: 1,
  stream: 'challenge',
  description: 'An enterprise submitted a challenge (榜单) for vetting.',
  // The details came after v1's first consumers: optional, so their messages and ours both stay valid.
  data: challengeContentSchema
    .extend({
      enterpriseOrgId: z.string().min(1),
      enterpriseName: z.string().min(1),
      districtCode: districtCodeSchema,
      submittedAt: z.iso.datetime({ offset: true }),
    })
    .extend(challengeDetailsSchema.partial().shape),
});

/**
 * An escalation: the bureau has not started vetting (专家论证) a submitted challenge within its time limit. A flag on
 * the challenge, never a state (it stays SUBMITTED); raised by a durable timer, so the actor is `system`.
 */
export const challengeVettingOverdueV1 = defineEvent({
  type: 'challenge.vetting-overdue',
  version: 1,
  stream: 'challenge',
  description: 'A submitted challenge (榜单) waited past its vetting time limit without vetting being started: an escalation.',
  data: z.object({
    title: challengeContentSchema.shape.title,
    enterpriseOrgId: z.string().min(1),
    enterpriseName: z.string().min(1),
    districtCode: districtCodeSchema,
    submittedAt: z.iso.datetime({ offset: true }),
    /** When vetting should have started by. */
    dueAt: z.iso.datetime({ offset: true }),
    /** How late the escalation is raised: about 0 when the timer fires on time, more if the service was down. */
    overdueSeconds: z.number().int().nonnegative(),
  }),
});

/** The bureau started vetting (专家论证) a submitted 榜单: SUBMITTED → UNDER_VETTING. */
export const challengeVettingStartedV1 = defineEvent({
  type: 'challenge.vetting-started',
  version: 1,
  stream: 'challenge',
  description: 'The bureau started vetting a submitted challenge (榜单).',
  data: challengeRefSchema.extend({ startedAt: instantSchema }),
});

/** Vetting passed: UNDER_VETTING → APPROVED, waiting to be published. */
export const challengeApprovedV1 = defineEvent({
  type: 'challenge.approved',
  version: 1,
  stream: 'challenge',
  description: 'The bureau approved a challenge (榜单) after vetting.',
  data: challengeRefSchema.extend({ approvedAt: instantSchema }),
});

/** Vetting sent the 榜单 back for changes (退回修改): UNDER_VETTING → RETURNED; the enterprise edits and resubmits. */
export const challengeReturnedV1 = defineEvent({
  type: 'challenge.returned',
  version: 1,
  stream: 'challenge',
  description: 'The bureau returned a challenge (榜单) to its enterprise for changes.',
  data: challengeRefSchema.extend({ comments: reasonSchema, returnedAt: instantSchema }),
});

/** Vetting refused the 榜单 (论证驳回): UNDER_VETTING → REJECTED, final. */
export const challengeRejectedV1 = defineEvent({
  type: 'challenge.rejected',
  version: 1,
  stream: 'challenge',
  description: 'The bureau rejected a challenge (榜单) at vetting.',
  data: challengeRefSchema.extend({ reason: reasonSchema, rejectedAt: instantSchema }),
});

/**
 * 发榜: APPROVED → PUBLISHED, open for applications until `deadlineAt`. Carries the whole 榜单, confidential fields
 * included (consumers decide who may see them), and the enterprise's related organisations, to which 回避 applies.
 */
export const challengePublishedV1 = defineEvent({
  type: 'challenge.published',
  version: 1,
  stream: 'challenge',
  description: 'The bureau published a challenge (榜单): applications are open until its deadline.',
  data: fullChallengeContentSchema.extend({
    enterpriseOrgId: orgIdSchema,
    enterpriseName: orgNameSchema,
    districtCode: districtCodeSchema,
    enterpriseRelatedOrgIds: z.array(orgIdSchema).max(50),
    publishedAt: instantSchema,
  }),
});

/** The bureau moved the deadline of a published 榜单 later (audited, with a reason); the deadline timer is re-armed. */
export const challengeDeadlineExtendedV1 = defineEvent({
  type: 'challenge.deadline-extended',
  version: 1,
  stream: 'challenge',
  description: 'The bureau extended the application deadline of a published challenge (榜单).',
  data: challengeRefSchema.extend({
    deadlineAt: instantSchema,
    /** The China date of `deadlineAt`, for consumers of `deadline`. */
    deadline: challengeContentSchema.shape.deadline,
    previousDeadlineAt: instantSchema,
    reason: reasonSchema,
    applicants,
    extendedAt: instantSchema,
  }),
});

/** Applications closed (截止): PUBLISHED → CLOSED, at the deadline (timer, actor `system`) or early by the bureau. */
export const challengeClosedV1 = defineEvent({
  type: 'challenge.closed',
  version: 1,
  stream: 'challenge',
  description: 'A challenge (榜单) stopped taking applications, at its deadline or by the bureau.',
  data: challengeRefSchema.extend({
    by: z.enum(['deadline', 'bureau']),
    /** The bureau's reason; null when the deadline closed it. */
    reason: reasonSchema.nullable(),
    deadlineAt: instantSchema,
    /** Active (not withdrawn) applications at closing, awaiting the formal check. */
    applicationCount: z.number().int().nonnegative(),
    closedAt: instantSchema,
  }),
});

/** The enterprise asked to withdraw a published 榜单 (撤榜申请); the bureau approves or denies it. */
export const challengeWithdrawalRequestedV1 = defineEvent({
  type: 'challenge.withdrawal-requested',
  version: 1,
  stream: 'challenge',
  description: 'An enterprise requested the withdrawal of its published challenge (榜单).',
  data: challengeRefSchema.extend({ reason: reasonSchema, requestedAt: instantSchema }),
});

/** 撤榜: the 榜单 is WITHDRAWN, final; by its enterprise before publication, or on the bureau's approval after. */
export const challengeWithdrawnV1 = defineEvent({
  type: 'challenge.withdrawn',
  version: 1,
  stream: 'challenge',
  description: 'A challenge (榜单) was withdrawn.',
  data: challengeRefSchema.extend({
    /** The enterprise's reason. */
    reason: reasonSchema,
    /** True when the bureau approved a withdrawal request (the 榜单 had been published); false before publication. */
    viaRequest: z.boolean(),
    /** The bureau's reason when it approved a request; null otherwise. */
    decisionReason: reasonSchema.nullable(),
    applicants,
    withdrawnAt: instantSchema,
  }),
});

/** The bureau denied a withdrawal request: the flag is cleared, the 榜单 goes on. */
export const challengeWithdrawalDeniedV1 = defineEvent({
  type: 'challenge.withdrawal-denied',
  version: 1,
  stream: 'challenge',
  description: 'The bureau denied the withdrawal request of a challenge (榜单).',
  data: challengeRefSchema.extend({ reason: reasonSchema, requestReason: reasonSchema, deniedAt: instantSchema }),
});

/** 流标: the formal check left no qualified application, CLOSED → FAILED, final (actor `system`). */
export const challengeFailedV1 = defineEvent({
  type: 'challenge.failed',
  version: 1,
  stream: 'challenge',
  description: 'A challenge (榜单) failed: no application qualified.',
  data: challengeRefSchema.extend({
    ineligibleCount: z.number().int().nonnegative(),
    withdrawnCount: z.number().int().nonnegative(),
    applicants,
    failedAt: instantSchema,
  }),
});

/** Experts were assigned to the qualified applications: CLOSED → UNDER_REVIEW (actor `system`). */
export const challengeReviewStartedV1 = defineEvent({
  type: 'challenge.review-started',
  version: 1,
  stream: 'challenge',
  description: 'Expert review of the applications to a challenge (榜单) began.',
  data: challengeRefSchema.extend({
    applicationCount: z.number().int().min(1),
    expertCount: z.number().int().min(1),
    reviewDueAt: instantSchema,
    startedAt: instantSchema,
  }),
});

/** 公示: review proposed the winners, UNDER_REVIEW → IN_PUBLIC_NOTICE until `endsAt`; anyone may object meanwhile. */
export const challengePublicNoticeOpenedV1 = defineEvent({
  type: 'challenge.public-notice-opened',
  version: 1,
  stream: 'challenge',
  description: 'The proposed winners of a challenge (榜单) went into public notice (公示).',
  data: challengeRefSchema.extend({
    proposed: z.array(rankedApplicationSchema).min(1).max(3),
    applicants,
    openedAt: instantSchema,
    endsAt: instantSchema,
  }),
});

/** Someone signed in objected (异议) to the 公示, with reasons and evidence; the bureau upholds or dismisses it. */
export const challengeObjectionLodgedV1 = defineEvent({
  type: 'challenge.objection-lodged',
  version: 1,
  stream: 'challenge',
  description: 'An objection was lodged against the public notice (公示) of a challenge (榜单).',
  data: challengeRefSchema.extend({
    objectionId: entityIdSchema,
    reasons: z.array(z.string().min(1).max(2000)).min(1).max(10),
    evidence: z.array(attachmentSchema).max(20),
    objectorOrgId: orgIdSchema,
    objectorRole: roleSchema,
    publicNoticeEndsAt: instantSchema,
    lodgedAt: instantSchema,
  }),
});

const objectionOutcome = challengeRefSchema.extend({
  objectionId: entityIdSchema,
  /** The bureau's reason. */
  reason: reasonSchema,
  objectorOrgId: orgIdSchema,
  objectorRole: roleSchema,
  applicants,
});

/** The bureau upheld an objection: the applications named are reviewed again, IN_PUBLIC_NOTICE → UNDER_REVIEW. */
export const challengeObjectionUpheldV1 = defineEvent({
  type: 'challenge.objection-upheld',
  version: 1,
  stream: 'challenge',
  description: 'The bureau upheld an objection: the applications concerned go back to review.',
  data: objectionOutcome.extend({ applicationIds: z.array(entityIdSchema).min(1), upheldAt: instantSchema }),
});

/** The bureau dismissed an objection; the 公示 goes on (and ends in the award if its window is over). */
export const challengeObjectionDismissedV1 = defineEvent({
  type: 'challenge.objection-dismissed',
  version: 1,
  stream: 'challenge',
  description: 'The bureau dismissed an objection to the public notice (公示) of a challenge (榜单).',
  data: objectionOutcome.extend({ dismissedAt: instantSchema }),
});

/** 定榜: the 公示 ended with no open objection, IN_PUBLIC_NOTICE → AWARDED, final; one Project per winner exists. */
export const challengeAwardedV1 = defineEvent({
  type: 'challenge.awarded',
  version: 1,
  stream: 'challenge',
  description: 'A challenge (榜单) was awarded to its winners; their projects were created.',
  data: challengeRefSchema.extend({
    mode: challengeModeSchema,
    bountyYuan: yuanSchema,
    winners: z
      .array(
        z.object({
          applicationId: entityIdSchema,
          solverOrgId: orgIdSchema,
          solverName: orgNameSchema,
          solverRole: applicantRoleSchema,
          profileId: entityIdSchema,
          projectId: entityIdSchema,
        }),
      )
      .min(1)
      .max(3),
    /** Every applicant, winners included. */
    applicants,
    awardedAt: instantSchema,
  }),
});

/** A solver or team accepted the 榜单's terms (保密承诺): the confidential fields become visible to its organisation. */
export const challengeTermsAcceptedV1 = defineEvent({
  type: 'challenge.terms-accepted',
  version: 1,
  stream: 'challenge',
  description: 'An organisation accepted the terms of a challenge (榜单) and may now see its confidential fields and apply.',
  data: z.object({ orgId: orgIdSchema, role: applicantRoleSchema, acceptedAt: instantSchema }),
});

const question = challengeRefSchema.extend({
  questionId: entityIdSchema,
  question: z.string().min(1).max(2000),
  /** The asker, anonymous to other solvers: only for addressing it. */
  askerOrgId: orgIdSchema,
  askerRole: applicantRoleSchema,
});

/** A solver or team asked a question (答疑) about a published 榜单. */
export const challengeQuestionAskedV1 = defineEvent({
  type: 'challenge.question-asked',
  version: 1,
  stream: 'challenge',
  description: 'A question was asked about a published challenge (榜单).',
  data: question.extend({ askedAt: instantSchema }),
});

/** The enterprise or the bureau answered a question; the answer is public to every solver. */
export const challengeQuestionAnsweredV1 = defineEvent({
  type: 'challenge.question-answered',
  version: 1,
  stream: 'challenge',
  description: 'A question about a challenge (榜单) was answered.',
  data: question.extend({ answer: z.string().min(1).max(4000), applicants, answeredAt: instantSchema }),
});

/** Every fact on the challenge stream, for the platform's event catalogue. */
export const CHALLENGE_EVENTS = [
  challengeSubmittedV1,
  challengeVettingOverdueV1,
  challengeVettingStartedV1,
  challengeApprovedV1,
  challengeReturnedV1,
  challengeRejectedV1,
  challengePublishedV1,
  challengeDeadlineExtendedV1,
  challengeClosedV1,
  challengeWithdrawalRequestedV1,
  challengeWithdrawnV1,
  challengeWithdrawalDeniedV1,
  challengeFailedV1,
  challengeReviewStartedV1,
  challengePublicNoticeOpenedV1,
  challengeObjectionLodgedV1,
  challengeObjectionUpheldV1,
  challengeObjectionDismissedV1,
  challengeAwardedV1,
  challengeTermsAcceptedV1,
  challengeQuestionAskedV1,
  challengeQuestionAnsweredV1,
] as const;
