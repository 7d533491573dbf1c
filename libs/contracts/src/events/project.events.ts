import { z } from 'zod';
import { applicantRoleSchema } from '../application-content';
import { eliminationPolicySchema, milestonePlanSchema } from '../challenge-content';
import { defineEvent } from '../event-definition';
import {
  activeMilestoneSchema,
  AFTER_APPROVAL_STATUSES,
  milestoneRefSchema,
  projectPartiesSchema,
  terminationCauseSchema,
} from '../project-content';
import { attachmentSchema, entityIdSchema, instantSchema, orgIdSchema, orgNameSchema, reasonSchema, yuanSchema } from '../values';

const parties = projectPartiesSchema;

/** On the award: a project per winner in PENDING_CONTRACT, with the plan's milestones and its share of each tranche. */
export const projectCreatedV1 = defineEvent({
  type: 'project.created',
  version: 1,
  stream: 'project',
  description: 'A project was created for a winner of an awarded challenge.',
  data: parties.extend({
    /** The winner's place in the review ranking. */
    rank: z.number().int().min(1),
    milestones: z
      .array(milestonePlanSchema.omit({ trancheYuan: true }).extend({ index: milestoneRefSchema.shape.index, plannedYuan: yuanSchema }))
      .min(1),
    plannedYuan: yuanSchema,
    createdAt: instantSchema,
  }),
});

/** The solver signed (`application.contracted`): CONTRACTED → IN_PROGRESS, the first milestone ACTIVE until its due date. */
export const projectStartedV1 = defineEvent({
  type: 'project.started',
  version: 1,
  stream: 'project',
  description: 'A project was contracted and started; its first milestone is running.',
  data: parties.extend({ milestone: activeMilestoneSchema, startedAt: instantSchema }),
});

/** 递补: a reserve replaced the forfeited winner on the pending project (audited); `parties` name the new solver. */
export const projectSolverReplacedV1 = defineEvent({
  type: 'project.solver-replaced',
  version: 1,
  stream: 'project',
  description: 'A pending project changed its solver to a promoted reserve.',
  data: parties.extend({
    previous: z.object({
      applicationId: entityIdSchema,
      solverOrgId: orgIdSchema,
      solverName: orgNameSchema,
      solverRole: applicantRoleSchema,
      profileId: entityIdSchema,
    }),
    replacedAt: instantSchema,
  }),
});

/** The solver submitted a milestone's deliverables: ACTIVE → SUBMITTED; the enterprise reviews by `reviewDueAt`. */
export const projectMilestoneSubmittedV1 = defineEvent({
  type: 'project.milestone-submitted',
  version: 1,
  stream: 'project',
  description: 'A solver submitted the deliverables of a project milestone for review.',
  data: parties.extend({
    milestone: milestoneRefSchema,
    deliverables: z.array(z.string().min(1).max(2000)).min(1).max(20),
    attachments: z.array(attachmentSchema).max(50),
    reviewDueAt: instantSchema,
    submittedAt: instantSchema,
  }),
});

/**
 * The enterprise approved a milestone; its tranche is approved for payment. `status` is where the project goes: the
 * `next` milestone runs (IN_PROGRESS), the mid-term review follows, or acceptance after the last one.
 */
export const projectMilestoneApprovedV1 = defineEvent({
  type: 'project.milestone-approved',
  version: 1,
  stream: 'project',
  description: 'An enterprise approved a project milestone and its tranche.',
  data: parties.extend({
    milestone: milestoneRefSchema,
    approvedYuan: yuanSchema,
    status: z.enum(AFTER_APPROVAL_STATUSES),
    /** Null unless `status` is IN_PROGRESS. */
    next: activeMilestoneSchema.nullable(),
    approvedAt: instantSchema,
  }),
});

/** The enterprise asked for changes: SUBMITTED → CHANGES_REQUESTED → ACTIVE again, due date unchanged. */
export const projectMilestoneChangesRequestedV1 = defineEvent({
  type: 'project.milestone-changes-requested',
  version: 1,
  stream: 'project',
  description: 'An enterprise requested changes to a submitted project milestone.',
  data: parties.extend({ milestone: activeMilestoneSchema, comments: reasonSchema, requestedAt: instantSchema }),
});

/** The enterprise recorded a payment on an approved tranche; the milestone is PAID once paid = approved. */
export const projectTranchePaidV1 = defineEvent({
  type: 'project.tranche-paid',
  version: 1,
  stream: 'project',
  description: 'An enterprise recorded a payment of a milestone tranche.',
  data: parties.extend({
    milestone: milestoneRefSchema,
    amountYuan: yuanSchema,
    /** The enterprise's payment reference (bank transfer number). */
    reference: z.string().min(1).max(100),
    /** The milestone's totals after this payment. */
    paidYuan: yuanSchema,
    approvedYuan: yuanSchema,
    milestonePaid: z.boolean(),
    paidAt: instantSchema,
  }),
});

/**
 * An escalation: the enterprise has not reviewed a submitted milestone within MILESTONE_REVIEW_SLA (timer, actor
 * `system`). A flag (`reviewOverdueAt`), never an approval.
 */
export const projectMilestoneReviewOverdueV1 = defineEvent({
  type: 'project.milestone-review-overdue',
  version: 1,
  stream: 'project',
  description: 'A submitted project milestone waited past its review time limit: an escalation.',
  data: parties.extend({
    milestone: milestoneRefSchema,
    submittedAt: instantSchema,
    dueAt: instantSchema,
    overdueSeconds: z.number().int().nonnegative(),
  }),
});

/** 中期评估 passed: MIDTERM_REVIEW → IN_PROGRESS, the `next` milestone running. */
export const projectContinuedV1 = defineEvent({
  type: 'project.continued',
  version: 1,
  stream: 'project',
  description: 'The bureau decided at the mid-term review that a project continues.',
  data: parties.extend({ reason: reasonSchema, next: activeMilestoneSchema.nullable(), decidedAt: instantSchema }),
});

/**
 * 赛马制 elimination at the mid-term review: ELIMINATED, final. Its unapproved planned money (`releasedYuan`) goes to
 * the survivors (REALLOCATE_TO_SURVIVORS, one `project.tranches-reallocated` each) or to the challenge (RETAIN).
 */
export const projectEliminatedV1 = defineEvent({
  type: 'project.eliminated',
  version: 1,
  stream: 'project',
  description: 'The bureau eliminated a horse-race project at the mid-term review.',
  data: parties.extend({
    reason: reasonSchema,
    eliminationPolicy: eliminationPolicySchema,
    releasedYuan: yuanSchema,
    survivorProjectIds: z.array(entityIdSchema).min(1),
    decidedAt: instantSchema,
  }),
});

/** A survivor's share of an eliminated project's money: its planned amounts grew (equal shares, remainder by rank). */
export const projectTranchesReallocatedV1 = defineEvent({
  type: 'project.tranches-reallocated',
  version: 1,
  stream: 'project',
  description: 'A surviving horse-race project received part of an eliminated project’s tranches.',
  data: parties.extend({
    eliminatedProjectId: entityIdSchema,
    changes: z.array(z.object({ milestoneIndex: milestoneRefSchema.shape.index, addedYuan: yuanSchema, plannedYuan: yuanSchema })).min(1),
    addedYuan: yuanSchema,
    reallocatedAt: instantSchema,
  }),
});

/** The bureau suspended a project: IN_PROGRESS → SUSPENDED. */
export const projectSuspendedV1 = defineEvent({
  type: 'project.suspended',
  version: 1,
  stream: 'project',
  description: 'The bureau suspended a project.',
  data: parties.extend({ reason: reasonSchema, suspendedAt: instantSchema }),
});

/** The bureau resumed a suspended project: SUSPENDED → IN_PROGRESS. */
export const projectResumedV1 = defineEvent({
  type: 'project.resumed',
  version: 1,
  stream: 'project',
  description: 'The bureau resumed a suspended project.',
  data: parties.extend({ reason: reasonSchema, resumedAt: instantSchema }),
});

/** 验收 began: PENDING_ACCEPTANCE or RECTIFICATION → UNDER_ACCEPTANCE. */
export const projectAcceptanceStartedV1 = defineEvent({
  type: 'project.acceptance-started',
  version: 1,
  stream: 'project',
  description: 'The bureau started the acceptance (验收) of a project.',
  data: parties.extend({
    /** 0 for the first acceptance, n after the n-th rectification. */
    rectificationRound: z.number().int().min(0),
    startedAt: instantSchema,
  }),
});

/** 验收通过: UNDER_ACCEPTANCE → ACCEPTED; closed once every approved tranche is paid (`approvedYuan` − `paidYuan`). */
export const projectAcceptedV1 = defineEvent({
  type: 'project.accepted',
  version: 1,
  stream: 'project',
  description: 'A project passed its acceptance (验收).',
  data: parties.extend({ opinion: reasonSchema, approvedYuan: yuanSchema, paidYuan: yuanSchema, acceptedAt: instantSchema }),
});

/**
 * 验收不通过: into RECTIFICATION round `rectificationRound`, or, past `maxRectificationRounds`, `terminated` (a
 * `project.terminated` with cause `acceptance-failed` follows).
 */
export const projectAcceptanceFailedV1 = defineEvent({
  type: 'project.acceptance-failed',
  version: 1,
  stream: 'project',
  description: 'A project failed its acceptance (验收).',
  data: parties.extend({
    opinion: reasonSchema,
    rectificationRound: z.number().int().min(1),
    maxRectificationRounds: z.number().int().min(0),
    terminated: z.boolean(),
    failedAt: instantSchema,
  }),
});

/** Accepted and fully paid: CLOSED, final; the solver's record gains the project. */
export const projectClosedV1 = defineEvent({
  type: 'project.closed',
  version: 1,
  stream: 'project',
  description: 'An accepted, fully paid project was closed.',
  data: parties.extend({ approvedYuan: yuanSchema, paidYuan: yuanSchema, closedAt: instantSchema }),
});

/** TERMINATED, final: its unapproved planned money moves to the challenge's retained amount (`retainedYuan`). */
export const projectTerminatedV1 = defineEvent({
  type: 'project.terminated',
  version: 1,
  stream: 'project',
  description: 'A project was terminated.',
  data: parties.extend({ cause: terminationCauseSchema, reason: reasonSchema, retainedYuan: yuanSchema, terminatedAt: instantSchema }),
});

/** Every fact on the project stream, for the platform's event catalogue. */
export const PROJECT_EVENTS = [
  projectCreatedV1,
  projectStartedV1,
  projectSolverReplacedV1,
  projectMilestoneSubmittedV1,
  projectMilestoneApprovedV1,
  projectMilestoneChangesRequestedV1,
  projectTranchePaidV1,
  projectMilestoneReviewOverdueV1,
  projectContinuedV1,
  projectEliminatedV1,
  projectTranchesReallocatedV1,
  projectSuspendedV1,
  projectResumedV1,
  projectAcceptanceStartedV1,
  projectAcceptedV1,
  projectAcceptanceFailedV1,
  projectClosedV1,
  projectTerminatedV1,
] as const;
