import { z } from 'zod';
import { applicantSchema, formalCheckOutcomeSchema, proposalSchema } from '../application-content';
import { defineEvent } from '../event-definition';
import { entityIdSchema, instantSchema, orgIdSchema, reasonSchema } from '../values';

/** The application (the envelope's subject), its 榜单 and the organisation behind it, as every application fact names them. */
export const applicationRefSchema = applicantSchema.omit({ applicationId: true }).extend({
  challengeId: entityIdSchema,
  challengeTitle: z.string().min(1).max(120),
  /** The 榜单's enterprise, told of applications to it. */
  enterpriseOrgId: orgIdSchema,
});

/** 揭榜: a solver or team submitted its application (DRAFT or RETURNED → SUBMITTED), with its whole proposal. */
export const applicationSubmittedV1 = defineEvent({
  type: 'application.submitted',
  version: 1,
  stream: 'application',
  description: 'A solver or team submitted an application (揭榜申请) to a challenge.',
  data: applicationRefSchema.extend({
    proposal: proposalSchema,
    /** True when it is submitted again after the formal check returned it (补正). */
    resubmission: z.boolean(),
    submittedAt: instantSchema,
  }),
});

/** The applicant withdrew its application before the deadline: WITHDRAWN, final. */
export const applicationWithdrawnV1 = defineEvent({
  type: 'application.withdrawn',
  version: 1,
  stream: 'application',
  description: 'An applicant withdrew its application (揭榜申请).',
  data: applicationRefSchema.extend({ reason: reasonSchema, withdrawnAt: instantSchema }),
});

/**
 * 形式审查: the bureau found the application QUALIFIED, INELIGIBLE (final) or RETURNED for correction before the
 * deadline. Also published with actor `system` when the 榜单 closes on a RETURNED application that was not corrected
 * in time: INELIGIBLE, reason 未按期补正.
 */
export const applicationFormalCheckDecidedV1 = defineEvent({
  type: 'application.formal-check-decided',
  version: 1,
  stream: 'application',
  description: 'The formal check (形式审查) of an application was decided.',
  data: applicationRefSchema.extend({
    outcome: formalCheckOutcomeSchema,
    /** Required for INELIGIBLE and RETURNED; may be null for QUALIFIED. */
    reason: reasonSchema.nullable(),
    /** The 榜单's deadline: a RETURNED application must be corrected and resubmitted before it. */
    deadlineAt: instantSchema,
    decidedAt: instantSchema,
  }),
});

/** On the award: the application is SELECTED and must be signed (签约) by `dueAt` (SIGN_DEADLINE), else it forfeits. */
export const applicationSelectedV1 = defineEvent({
  type: 'application.selected',
  version: 1,
  stream: 'application',
  description: 'An application was selected on the award and must sign its contract in time.',
  data: applicationRefSchema.extend({ projectId: entityIdSchema, dueAt: instantSchema, selectedAt: instantSchema }),
});

/** The selected applicant signed: CONTRACTED, final; its project starts. */
export const applicationContractedV1 = defineEvent({
  type: 'application.contracted',
  version: 1,
  stream: 'application',
  description: 'A selected applicant signed the contract of its project.',
  data: applicationRefSchema.extend({ projectId: entityIdSchema, contractedAt: instantSchema }),
});

/**
 * The selected applicant did not sign by `dueAt`: FORFEITED, final (actor `system`). `promotedApplicationId` names the
 * reserve promoted in its place (its `application.promoted` is on another subject, so it may arrive first or later);
 * null when no reserve is left, and the project is terminated.
 */
export const applicationForfeitedV1 = defineEvent({
  type: 'application.forfeited',
  version: 1,
  stream: 'application',
  description: 'A selected applicant forfeited by not signing in time.',
  data: applicationRefSchema.extend({
    projectId: entityIdSchema,
    dueAt: instantSchema,
    promotedApplicationId: entityIdSchema.nullable(),
    forfeitedAt: instantSchema,
  }),
});

/** 递补: the best SHORTLISTED reserve took a forfeited winner's place, SHORTLISTED → SELECTED, and must sign by `dueAt`. */
export const applicationPromotedV1 = defineEvent({
  type: 'application.promoted',
  version: 1,
  stream: 'application',
  description: 'A reserve application was promoted in place of a forfeited winner.',
  data: applicationRefSchema.extend({
    replacesApplicationId: entityIdSchema,
    projectId: entityIdSchema,
    /** Its place in the review ranking. */
    rank: z.number().int().min(1),
    dueAt: instantSchema,
    promotedAt: instantSchema,
  }),
});

/** Every fact on the application stream, for the platform's event catalogue. */
export const APPLICATION_EVENTS = [
  applicationSubmittedV1,
  applicationWithdrawnV1,
  applicationFormalCheckDecidedV1,
  applicationSelectedV1,
  applicationContractedV1,
  applicationForfeitedV1,
  applicationPromotedV1,
] as const;
