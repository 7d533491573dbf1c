import { z } from 'zod';
import { fieldCodeSchema } from './fields';
import { attachmentSchema, chinaDateSchema, entityIdSchema, orgIdSchema, orgNameSchema } from './values';

export const URGENCIES = ['LOW', 'NORMAL', 'HIGH'] as const;
export const urgencySchema = z.enum(URGENCIES);
export type Urgency = (typeof URGENCIES)[number];

/** 现场 or 远程: how a team serves an order, and how one service record was done. */
export const SERVICE_MODES = ['ON_SITE', 'REMOTE'] as const;
export const serviceModeSchema = z.enum(SERVICE_MODES);
export type ServiceMode = (typeof SERVICE_MODES)[number];

/** What an enterprise orders (企业下单). The district is the enterprise's registered one, not part of the content. */
export const serviceOrderContentSchema = z.object({
  title: z.string().min(1).max(120),
  description: z.string().min(1).max(8000),
  fields: z.array(fieldCodeSchema).max(5).optional(),
  urgency: urgencySchema,
  serviceMode: serviceModeSchema,
  /** The dates between which the enterprise wants the service. */
  window: z.object({ from: chinaDateSchema, to: chinaDateSchema }),
  contact: z.object({ name: z.string().min(1).max(50), phone: z.string().min(5).max(30) }),
});
export type ServiceOrderContent = z.infer<typeof serviceOrderContentSchema>;

/** The specialist team (科技特派员团) concerned: its matching profile and its organisation. */
export const teamRefSchema = z.object({ profileId: entityIdSchema, orgId: orgIdSchema, name: orgNameSchema });
export type TeamRef = z.infer<typeof teamRefSchema>;

const stars = z.number().int().min(1).max(5);
/** 企业评价: four criteria, 1–5 each. */
export const ratingScoresSchema = z.object({ response: stars, expertise: stars, effect: stars, attitude: stars });
export type RatingScores = z.infer<typeof ratingScoresSchema>;

/** The district's ruling on a disputed delivery: confirm it, or send the team back to work. */
export const DISPUTE_OUTCOMES = ['CONFIRM', 'RESUME_SERVICE'] as const;
export const disputeOutcomeSchema = z.enum(DISPUTE_OUTCOMES);
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

/** Who is told to act on an escalation: the district office, or above it the bureau. */
export const ESCALATION_LEVELS = ['district', 'bureau'] as const;
export const escalationLevelSchema = z.enum(ESCALATION_LEVELS);
/**
 * district-overdue: DISTRICT_SLA passed before a recommendation (to the bureau); no-team-left: every recommended team
 * declined or let its offer expire (to the district); service-overdue: SERVICE_SLA passed before delivery (to the
 * district, and ESCALATION_GRACE later to the bureau).
 */
export const ESCALATION_REASONS = ['district-overdue', 'no-team-left', 'service-overdue'] as const;
export const escalationReasonSchema = z.enum(ESCALATION_REASONS);
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/** Who cancelled an order: the enterprise before service starts, or its district office before delivery. */
export const CANCELLED_BY = ['enterprise', 'district'] as const;
export const cancelledBySchema = z.enum(CANCELLED_BY);

/** One service record (服务记录) a team logs while serving. */
export const serviceRecordSchema = z.object({
  recordId: entityIdSchema,
  date: chinaDateSchema,
  mode: serviceModeSchema,
  hours: z.number().positive().max(24),
  participants: z.array(z.string().min(1).max(50)).min(1).max(30),
  work: z.string().min(1).max(4000),
  outcome: z.string().min(1).max(4000),
  attachments: z.array(attachmentSchema).max(20),
});
export type ServiceRecord = z.infer<typeof serviceRecordSchema>;
