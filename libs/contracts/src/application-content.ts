import { z } from 'zod';
import { entityIdSchema, orgIdSchema, orgNameSchema, yuanSchema } from './values';

/** The roles that apply to a 榜单 (揭榜): a solver (揭榜方) or a specialist team (科技特派员团). */
export const APPLICANT_ROLES = ['solver', 'team'] as const;
export const applicantRoleSchema = z.enum(APPLICANT_ROLES);
export type ApplicantRole = (typeof APPLICANT_ROLES)[number];

/** An organisation that applied, in the role it applied in: the address of notices to applicants. */
export const applicantRefSchema = z.object({ orgId: orgIdSchema, role: applicantRoleSchema });
export type ApplicantRef = z.infer<typeof applicantRefSchema>;

/** One application as other services name it: the application, the organisation behind it and its matching profile. */
export const applicantSchema = z.object({
  applicationId: entityIdSchema,
  applicantOrgId: orgIdSchema,
  applicantName: orgNameSchema,
  applicantRole: applicantRoleSchema,
  profileId: entityIdSchema,
});
export type Applicant = z.infer<typeof applicantSchema>;

/** The proposal (揭榜方案). `milestoneIndex` is 1-based, as `/projects/:id/milestones/:n`. */
export const proposalSchema = z.object({
  approach: z.string().min(1).max(8000),
  members: z
    .array(z.object({ name: z.string().min(1).max(50), role: z.string().min(1).max(50), title: z.string().min(1).max(50).optional() }))
    .min(1)
    .max(50),
  budget: z.array(z.object({ item: z.string().min(1).max(200), amountYuan: yuanSchema })).max(50),
  timeline: z.array(z.object({ milestoneIndex: z.number().int().min(1).max(20), plan: z.string().min(1).max(2000) })).max(20),
  /** Consortium members (联合体), only where the 榜单 allows them; 回避 applies to each. */
  consortium: z.array(z.object({ orgId: orgIdSchema, orgName: orgNameSchema, role: z.string().min(1).max(50) })).max(10),
});
export type Proposal = z.infer<typeof proposalSchema>;

/** 形式审查 outcome: RETURNED (补正) is possible only before the deadline. */
export const FORMAL_CHECK_OUTCOMES = ['QUALIFIED', 'INELIGIBLE', 'RETURNED'] as const;
export const formalCheckOutcomeSchema = z.enum(FORMAL_CHECK_OUTCOMES);
export type FormalCheckOutcome = (typeof FORMAL_CHECK_OUTCOMES)[number];

/** Where review puts an application: top maxWinners PROPOSED, the next (up to 3) SHORTLISTED reserves, the rest out. */
export const REVIEW_OUTCOMES = ['PROPOSED', 'SHORTLISTED', 'NOT_SELECTED'] as const;
export const reviewOutcomeSchema = z.enum(REVIEW_OUTCOMES);
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

const criterionScore = z.number().min(0).max(100);

/** An application's place in the ranking: its score (mean over experts of Σ weight × criterion) and why it ranks there. */
export const rankedApplicationSchema = applicantSchema.extend({
  score: criterionScore,
  /** The mean of each criterion over the experts. */
  criteria: z.object({ technical: criterionScore, team: criterionScore, feasibility: criterionScore }),
  rank: z.number().int().min(1),
  outcome: reviewOutcomeSchema,
  /** Present when the score tied with a neighbour's: what broke the tie, explained in zh-CN. */
  tieBreak: z.object({ by: z.enum(['technical-score', 'submitted-at']), explanation: z.string().min(1).max(500) }).optional(),
});
export type RankedApplication = z.infer<typeof rankedApplicationSchema>;
