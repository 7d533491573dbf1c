import { z } from 'zod';
import { defineEvent } from '../event-definition';
import {
  escalationLevelSchema,
  escalationReasonSchema,
  serviceModeSchema,
  serviceRecordSchema,
  teamRefSchema,
  urgencySchema,
} from '../service-order-content';
import { entityIdSchema, instantSchema, reasonSchema } from '../values';
import { serviceOrderRefSchema } from './service-order.events';

/** Every dispatch fact names the order (its id is the subject, shared with the ServiceOrder) like the order's own. */
const order = serviceOrderRefSchema;
const withTeam = order.extend({ team: teamRefSchema });

/** 区县受理: the district office took the order on, SUBMITTED → DISTRICT_ACCEPTED. */
export const dispatchAcceptedV1 = defineEvent({
  type: 'dispatch.accepted',
  version: 1,
  stream: 'dispatch',
  description: 'The district office accepted a service order for recommendation.',
  data: order.extend({ acceptedAt: instantSchema }),
});

/** The district office returned the order to the enterprise for changes: SUBMITTED → RETURNED. */
export const dispatchReturnedV1 = defineEvent({
  type: 'dispatch.returned',
  version: 1,
  stream: 'dispatch',
  description: 'The district office returned a service order to its enterprise for changes.',
  data: order.extend({ reason: reasonSchema, returnedAt: instantSchema }),
});

/** The district office refused the order: SUBMITTED → REJECTED, final. */
export const dispatchRejectedV1 = defineEvent({
  type: 'dispatch.rejected',
  version: 1,
  stream: 'dispatch',
  description: 'The district office rejected a service order.',
  data: order.extend({ reason: reasonSchema, rejectedAt: instantSchema }),
});

/**
 * 区县推荐: the district recommended `teams` (offered in this order) and `alternates` from a recorded ranking run,
 * with a reason for every departure from the matcher's proposal. DISTRICT_ACCEPTED → RECOMMENDED; an offer follows.
 */
export const dispatchRecommendedV1 = defineEvent({
  type: 'dispatch.recommended',
  version: 1,
  stream: 'dispatch',
  description: 'The district office recommended specialist teams for a service order.',
  data: order.extend({
    runId: entityIdSchema,
    teams: z.array(teamRefSchema).min(1).max(10),
    alternates: z.array(teamRefSchema).max(10),
    /** `candidateId`: the profile id of a team placed against the ranking. */
    overrides: z.array(z.object({ candidateId: entityIdSchema, reason: reasonSchema })).max(20),
    recommendedAt: instantSchema,
  }),
});

/** The order was offered to a team, which answers by `dueAt` (OFFER_RESPONSE_TIME); `attempt` counts the offers so far. */
export const dispatchOfferedV1 = defineEvent({
  type: 'dispatch.offered',
  version: 1,
  stream: 'dispatch',
  description: 'A service order was offered to a specialist team.',
  data: withTeam.extend({
    urgency: urgencySchema,
    serviceMode: serviceModeSchema,
    attempt: z.number().int().min(1),
    dueAt: instantSchema,
    offeredAt: instantSchema,
  }),
});

/** The offered team declined; the next team is offered the order, or the district is told none is left. */
export const dispatchOfferDeclinedV1 = defineEvent({
  type: 'dispatch.offer-declined',
  version: 1,
  stream: 'dispatch',
  description: 'A specialist team declined the offer of a service order.',
  data: withTeam.extend({ reason: reasonSchema, declinedAt: instantSchema }),
});

/** The offered team did not answer by `dueAt` (timer, actor `system`); the offer lapsed. */
export const dispatchOfferExpiredV1 = defineEvent({
  type: 'dispatch.offer-expired',
  version: 1,
  stream: 'dispatch',
  description: 'The offer of a service order to a specialist team expired unanswered.',
  data: withTeam.extend({ dueAt: instantSchema, expiredAt: instantSchema }),
});

/** The team accepted: OFFERED → TEAM_ACCEPTED (its open load +1); it must deliver by `slaDueAt` (SERVICE_SLA_<URGENCY>). */
export const dispatchTeamAcceptedV1 = defineEvent({
  type: 'dispatch.team-accepted',
  version: 1,
  stream: 'dispatch',
  description: 'A specialist team accepted a service order.',
  data: withTeam.extend({ slaDueAt: instantSchema, acceptedAt: instantSchema }),
});

/** The team started serving: TEAM_ACCEPTED → IN_SERVICE. */
export const dispatchServiceStartedV1 = defineEvent({
  type: 'dispatch.service-started',
  version: 1,
  stream: 'dispatch',
  description: 'A specialist team started serving a service order.',
  data: withTeam.extend({ startedAt: instantSchema }),
});

/** The team logged a service record (服务记录) while IN_SERVICE. */
export const dispatchServiceLoggedV1 = defineEvent({
  type: 'dispatch.service-logged',
  version: 1,
  stream: 'dispatch',
  description: 'A specialist team logged a service record on a service order.',
  data: withTeam.extend({ record: serviceRecordSchema, loggedAt: instantSchema }),
});

/** The team waits for the enterprise: IN_SERVICE → WAITING_ENTERPRISE, the SLA clock paused. */
export const dispatchPausedV1 = defineEvent({
  type: 'dispatch.paused',
  version: 1,
  stream: 'dispatch',
  description: 'A specialist team paused a service order to wait for the enterprise.',
  data: withTeam.extend({ reason: reasonSchema, pausedAt: instantSchema }),
});

/** The team resumed: WAITING_ENTERPRISE → IN_SERVICE, the SLA clock re-armed with the working time that was left. */
export const dispatchResumedV1 = defineEvent({
  type: 'dispatch.resumed',
  version: 1,
  stream: 'dispatch',
  description: 'A specialist team resumed a paused service order.',
  data: withTeam.extend({ slaDueAt: instantSchema, resumedAt: instantSchema }),
});

/** The team delivered: IN_SERVICE → DELIVERED (open load −1); the enterprise confirms or disputes. */
export const dispatchDeliveredV1 = defineEvent({
  type: 'dispatch.delivered',
  version: 1,
  stream: 'dispatch',
  description: 'A specialist team delivered a service order.',
  data: withTeam.extend({ summary: z.string().min(1).max(4000), deliveredAt: instantSchema }),
});

/**
 * An escalation, a flag and this fact, never a state: to the district office or the bureau (`level`), for `reason`.
 * `dueAt` is the SLA that passed (null for no-team-left); `team` the team serving (service-overdue), else null.
 */
export const dispatchEscalatedV1 = defineEvent({
  type: 'dispatch.escalated',
  version: 1,
  stream: 'dispatch',
  description: 'A service order was escalated to the district office or the bureau.',
  data: order.extend({
    level: escalationLevelSchema,
    reason: escalationReasonSchema,
    /** What happened, in zh-CN, for the people told. */
    message: z.string().min(1).max(500),
    team: teamRefSchema.nullable(),
    dueAt: instantSchema.nullable(),
    escalatedAt: instantSchema,
  }),
});

/** Every fact on the dispatch stream, for the platform's event catalogue. */
export const DISPATCH_EVENTS = [
  dispatchAcceptedV1,
  dispatchReturnedV1,
  dispatchRejectedV1,
  dispatchRecommendedV1,
  dispatchOfferedV1,
  dispatchOfferDeclinedV1,
  dispatchOfferExpiredV1,
  dispatchTeamAcceptedV1,
  dispatchServiceStartedV1,
  dispatchServiceLoggedV1,
  dispatchPausedV1,
  dispatchResumedV1,
  dispatchDeliveredV1,
  dispatchEscalatedV1,
] as const;
