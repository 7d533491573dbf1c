import { z } from 'zod';
import { applicantRoleSchema } from './application-content';
import { challengeModeSchema } from './challenge-content';
import { districtCodeSchema } from './districts';
import { entityIdSchema, instantSchema, orgIdSchema, orgNameSchema } from './values';

/**
 * Who a project is between, carried by every project fact so each consumer acts alone: the 榜单 and its enterprise,
 * the winning application and the solver (揭榜方 or team) behind it.
 */
export const projectPartiesSchema = z.object({
  challengeId: entityIdSchema,
  /** The 榜单's title, which is the project's. */
  title: z.string().min(1).max(120),
  mode: challengeModeSchema,
  enterpriseOrgId: orgIdSchema,
  enterpriseName: orgNameSchema,
  districtCode: districtCodeSchema,
  applicationId: entityIdSchema,
  solverOrgId: orgIdSchema,
  solverName: orgNameSchema,
  solverRole: applicantRoleSchema,
  profileId: entityIdSchema,
});
export type ProjectParties = z.infer<typeof projectPartiesSchema>;

/** A milestone of a project: 1-based `index` (as in `/projects/:id/milestones/:n`) and its title. */
export const milestoneRefSchema = z.object({ index: z.number().int().min(1).max(20), title: z.string().min(1).max(120) });
/** A milestone that is running, with its due date (contract date + dueOffsetDays). */
export const activeMilestoneSchema = milestoneRefSchema.extend({ dueAt: instantSchema });
export type ActiveMilestone = z.infer<typeof activeMilestoneSchema>;

/** 中期评估 decision (赛马制: ELIMINATE only while another project stays active). */
export const MIDTERM_DECISIONS = ['CONTINUE', 'ELIMINATE'] as const;
export const midtermDecisionSchema = z.enum(MIDTERM_DECISIONS);
export type MidtermDecision = (typeof MIDTERM_DECISIONS)[number];

/** Where a project goes after a milestone is approved. */
export const AFTER_APPROVAL_STATUSES = ['IN_PROGRESS', 'MIDTERM_REVIEW', 'PENDING_ACCEPTANCE'] as const;

/** Why a project ended early: the bureau's decision, failed acceptance past the last rectification, or nobody signed. */
export const TERMINATION_CAUSES = ['bureau', 'acceptance-failed', 'forfeited'] as const;
export const terminationCauseSchema = z.enum(TERMINATION_CAUSES);
export type TerminationCause = (typeof TERMINATION_CAUSES)[number];
