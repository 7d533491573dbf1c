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
