import { z } from 'zod';
import { districtCodeSchema } from '../districts';
import { defineEvent } from '../event-definition';
import { fieldCodeSchema } from '../fields';

export const CHALLENGE_MODES = ['SINGLE', 'HORSE_RACE'] as const;
export const challengeModeSchema = z.enum(CHALLENGE_MODES);
export type ChallengeMode = (typeof CHALLENGE_MODES)[number];

/** What an enterprise puts on the 榜单; shared by every challenge fact that carries the content. */
export const challengeContentSchema = z.object({
  title: z.string().min(1).max(120),
  description: z.string().min(1).max(8000),
  indicators: z.array(z.string().min(1).max(500)).max(30),
  keywords: z.array(z.string().min(1).max(30)).max(20),
  fields: z.array(fieldCodeSchema).max(5),
  bountyYuan: z.number().int().nonnegative(),
  deadline: z.iso.date(),
  mode: challengeModeSchema,
  maxWinners: z.number().int().min(1).max(3),
});
export type ChallengeContent = z.infer<typeof challengeContentSchema>;

/** 企业提交榜单: the enterprise has submitted its draft for vetting (专家论证) by the municipal bureau. */
export const challengeSubmittedV1 = defineEvent({
  type: 'challenge.submitted',
  version: 1,
  stream: 'challenge',
  description: 'An enterprise submitted a challenge (榜单) for vetting.',
  data: challengeContentSchema.extend({
    enterpriseOrgId: z.string().min(1),
    enterpriseName: z.string().min(1),
    districtCode: districtCodeSchema,
    submittedAt: z.iso.datetime({ offset: true }),
  }),
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
