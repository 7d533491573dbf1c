import { z } from 'zod';
import { districtCodeSchema } from '../districts';
import { solverTypeSchema } from '../challenge-content';
import { defineEvent } from '../event-definition';
import { fieldCodeSchema } from '../fields';
import { qualificationSchema } from '../qualifications';

/** Who can be matched: 揭榜方 (solver), 科技特派员团 (team) or 评审专家 (expert). */
export const CANDIDATE_KINDS = ['team', 'solver', 'expert'] as const;
export const candidateKindSchema = z.enum(CANDIDATE_KINDS);
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];

/** 川渝: candidates from Sichuan take part in Chongqing's pool (成渝地区双城经济圈). */
export const REGIONS = ['chongqing', 'sichuan'] as const;
export const regionSchema = z.enum(REGIONS);
export type Region = (typeof REGIONS)[number];

/** A candidate's declared appetite for new work (接单意愿), mapped to a score the way OpenReview maps bids. */
export const WILLINGNESS_LEVELS = ['very-high', 'high', 'neutral', 'low', 'very-low'] as const;
export const willingnessSchema = z.enum(WILLINGNESS_LEVELS);
export type Willingness = (typeof WILLINGNESS_LEVELS)[number];

/** What a candidate profile says about itself: the text the matcher reads and the facts its rules use. */
export const profileContentSchema = z.object({
  kind: candidateKindSchema,
  name: z.string().min(1).max(100),
  orgId: z.string().min(1).max(100),
  orgName: z.string().min(1).max(100),
  /** Null for candidates outside Chongqing's districts (e.g. Sichuan). */
  districtCode: districtCodeSchema.nullable(),
  region: regionSchema,
  city: z.string().min(1).max(30).nullable(),
  fields: z.array(fieldCodeSchema).max(8),
  capabilities: z.string().min(1).max(4000),
  pastWork: z.array(z.string().min(1).max(1000)).max(50),
  keywords: z.array(z.string().min(1).max(30)).max(30),
  /** Most orders or projects the candidate takes at once. */
  maxLoad: z.number().int().min(0).max(100),
  /** Organisations the candidate is tied to (parent, shareholder, joint lab): 回避 applies to each. */
  affiliations: z.array(z.string().min(1).max(100)).max(50),
  suspended: z.boolean(),
  willingness: willingnessSchema,
  /** What kind of organisation applies through a solver or team profile, for a 榜单's eligibility (added after v1). */
  orgType: solverTypeSchema.optional(),
  /** Qualifications (资质) the organisation holds, for a 榜单's eligibility (added after v1). */
  qualifications: z.array(qualificationSchema).max(10).optional(),
});
export type ProfileContent = z.infer<typeof profileContentSchema>;

/**
 * Who owns the profile when a person does: the user id (`sub`) of the expert whose profile it is (experts are people;
 * `orgId` is only their employer). Absent for teams and solvers (organisations own those), for an expert profile
 * registered without naming its owner, and in events published before v1 carried it (an additive field). Not the
 * `actor`: that is whoever acted (the bureau importing the profile, say). Notices about the profile go to this person.
 */
export const profileOwnerIdSchema = z.string().min(1).max(100);

const snapshot = profileContentSchema.extend({
  openLoad: z.number().int().min(0).max(1000),
  ownerId: profileOwnerIdSchema.optional(),
});

/** A candidate profile was created (over HTTP, by an import, or by the seeds). `data` is the whole profile. */
export const profileRegisteredV1 = defineEvent({
  type: 'profile.registered',
  version: 1,
  stream: 'profile',
  description: 'A solver, team or expert profile was registered for matching.',
  data: snapshot,
});

/** A candidate profile changed; `data` is the whole profile after the change, so a consumer can apply it alone. */
export const profileUpdatedV1 = defineEvent({
  type: 'profile.updated',
  version: 1,
  stream: 'profile',
  description: 'A solver, team or expert profile was updated.',
  data: snapshot,
});

/** The candidate's open orders or projects changed (capacity is `maxLoad − openLoad`). */
export const profileCapacityChangedV1 = defineEvent({
  type: 'profile.capacity-changed',
  version: 1,
  stream: 'profile',
  description: 'The open load or the maximum load of a candidate changed.',
  data: z.object({ openLoad: z.number().int().min(0).max(1000), maxLoad: z.number().int().min(0).max(100) }),
});

/** An enterprise rated the candidate's work (企业评价); reputation is derived from these. */
export const profileRatedV1 = defineEvent({
  type: 'profile.rated',
  version: 1,
  stream: 'profile',
  description: 'An enterprise rated a candidate (1–5); feeds the candidate reputation.',
  data: z.object({
    ratingId: z.string().min(1).max(100),
    score: z.number().int().min(1).max(5),
    ratedAt: z.iso.datetime({ offset: true }),
    enterpriseOrgId: z.string().min(1).max(100),
    ownerId: profileOwnerIdSchema.optional(),
  }),
});

/** A dispute between the candidate and an enterprise was upheld against the candidate; it blocks pairing for a while. */
export const profileDisputeUpheldV1 = defineEvent({
  type: 'profile.dispute-upheld',
  version: 1,
  stream: 'profile',
  description: 'A dispute with an enterprise was upheld against a candidate.',
  data: z.object({
    disputeId: z.string().min(1).max(100),
    enterpriseOrgId: z.string().min(1).max(100),
    upheldAt: z.iso.datetime({ offset: true }),
    reason: z.string().min(1).max(500),
    ownerId: profileOwnerIdSchema.optional(),
  }),
});

/** The profile was withdrawn (deleted by its owner or an authority): it is no longer matched. */
export const profileWithdrawnV1 = defineEvent({
  type: 'profile.withdrawn',
  version: 1,
  stream: 'profile',
  description: 'A candidate profile was withdrawn from matching.',
  data: z.object({
    reason: z.string().min(1).max(500),
    withdrawnAt: z.iso.datetime({ offset: true }),
    ownerId: profileOwnerIdSchema.optional(),
  }),
});

/** Every fact on the profile stream, for the platform's event catalogue. */
export const PROFILE_EVENTS = [
  profileRegisteredV1,
  profileUpdatedV1,
  profileCapacityChangedV1,
  profileRatedV1,
  profileDisputeUpheldV1,
  profileWithdrawnV1,
] as const;
