import { z } from 'zod';
import { fieldCodeSchema } from './fields';
import { qualificationSchema } from './qualifications';
import { instantSchema, yuanSchema } from './values';

export const CHALLENGE_MODES = ['SINGLE', 'HORSE_RACE'] as const;
export const challengeModeSchema = z.enum(CHALLENGE_MODES);
export type ChallengeMode = (typeof CHALLENGE_MODES)[number];

/**
 * What an enterprise puts on the 榜单 as `challenge.submitted` v1 first carried it. `deadline` (a China date) is kept
 * for its consumers; `deadlineAt` in {@link challengeDetailsSchema} is the instant it is derived from.
 */
export const challengeContentSchema = z.object({
  title: z.string().min(1).max(120),
  description: z.string().min(1).max(8000),
  indicators: z.array(z.string().min(1).max(500)).max(30),
  keywords: z.array(z.string().min(1).max(30)).max(20),
  fields: z.array(fieldCodeSchema).max(5),
  bountyYuan: yuanSchema,
  /**
   * The last China date applications are taken: the date of the last instant before `deadlineAt` (a deadlineAt of
   * 24:00 — 00:00 the next day — gives that day, not the next).
   */
  deadline: z.iso.date(),
  mode: challengeModeSchema,
  maxWinners: z.number().int().min(1).max(3),
});
export type ChallengeContent = z.infer<typeof challengeContentSchema>;

/** Who may apply (揭榜方类型): the applicant profile's organisation type. */
export const SOLVER_TYPES = ['university', 'institute', 'enterprise', 'team'] as const;
export const solverTypeSchema = z.enum(SOLVER_TYPES);
export type SolverType = (typeof SOLVER_TYPES)[number];

export const eligibilitySchema = z.object({
  solverTypes: z.array(solverTypeSchema).min(1).max(SOLVER_TYPES.length),
  /** Qualifications an applicant must hold, all of them (empty: none required). */
  qualifications: z.array(qualificationSchema).max(5),
  /** Whether applicants may apply as a consortium (联合体). */
  consortiumAllowed: z.boolean(),
});
export type Eligibility = z.infer<typeof eligibilitySchema>;

/** Who owns the results (知识产权归属); NEGOTIATED: settled in the contract. */
export const IP_OWNERS = ['ENTERPRISE', 'SOLVER', 'SHARED', 'NEGOTIATED'] as const;
export const ipArrangementSchema = z.object({
  owner: z.enum(IP_OWNERS),
  note: z.string().min(1).max(2000).nullable(),
});
export type IpArrangement = z.infer<typeof ipArrangementSchema>;

/** Weights of the three review criteria; they sum to 1 (default 0.4 / 0.3 / 0.3). */
export const reviewWeightsSchema = z
  .object({
    technical: z.number().min(0).max(1),
    team: z.number().min(0).max(1),
    feasibility: z.number().min(0).max(1),
  })
  .refine((w) => Math.abs(w.technical + w.team + w.feasibility - 1) < 1e-9, { message: '评审权重之和必须为 1' });
export type ReviewWeights = z.infer<typeof reviewWeightsSchema>;
export const DEFAULT_REVIEW_WEIGHTS: ReviewWeights = { technical: 0.4, team: 0.3, feasibility: 0.3 };

/** Content an enterprise may hide from solvers that have not accepted the terms (and from the public listing). */
export const CONFIDENTIAL_FIELDS = ['description', 'indicators', 'researchContent', 'milestones', 'ipArrangement'] as const;
export const confidentialFieldSchema = z.enum(CONFIDENTIAL_FIELDS);
export type ConfidentialField = (typeof CONFIDENTIAL_FIELDS)[number];

/** Where an eliminated 赛马制 project's unapproved planned money goes: to the survivors, or back to the challenge. */
export const ELIMINATION_POLICIES = ['REALLOCATE_TO_SURVIVORS', 'RETAIN'] as const;
export const eliminationPolicySchema = z.enum(ELIMINATION_POLICIES);
export type EliminationPolicy = (typeof ELIMINATION_POLICIES)[number];

/** One milestone (里程碑) of the plan; its tranche is paid after the enterprise approves it. */
export const milestonePlanSchema = z.object({
  title: z.string().min(1).max(120),
  deliverables: z.array(z.string().min(1).max(500)).min(1).max(20),
  /** Days from the contract date to the milestone's due date. */
  dueOffsetDays: z.number().int().min(1).max(3650),
  trancheYuan: yuanSchema,
  /** The milestone after which the mid-term review (中期评估) takes place; at most one, required under 赛马制. */
  midterm: z.boolean(),
});
export type MilestonePlan = z.infer<typeof milestonePlanSchema>;

/**
 * The 榜单 content the full workflow adds to {@link challengeContentSchema}. Rules across fields (Σ trancheYuan =
 * bountyYuan, one midterm milestone, a policy only under 赛马制) are the challenge domain's.
 */
export const challengeDetailsSchema = z.object({
  researchContent: z.string().min(1).max(8000),
  deadlineAt: instantSchema,
  durationMonths: z.number().int().min(1).max(120),
  milestones: z.array(milestonePlanSchema).min(1).max(20),
  eligibility: eligibilitySchema,
  ipArrangement: ipArrangementSchema,
  reviewWeights: reviewWeightsSchema,
  confidentialFields: z.array(confidentialFieldSchema).max(CONFIDENTIAL_FIELDS.length),
  /** Null under SINGLE. */
  eliminationPolicy: eliminationPolicySchema.nullable(),
  maxRectificationRounds: z.number().int().min(0).max(5),
});
export type ChallengeDetails = z.infer<typeof challengeDetailsSchema>;

/** The whole 榜单 as published: the v1 content and the details, public and confidential alike. */
export const fullChallengeContentSchema = challengeContentSchema.extend(challengeDetailsSchema.shape);
export type FullChallengeContent = z.infer<typeof fullChallengeContentSchema>;
