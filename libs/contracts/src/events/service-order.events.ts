import { z } from 'zod';
import { districtCodeSchema } from '../districts';
import { defineEvent } from '../event-definition';
import { cancelledBySchema, disputeOutcomeSchema, ratingScoresSchema, serviceOrderContentSchema, teamRefSchema } from '../service-order-content';
import { entityIdSchema, instantSchema, orgIdSchema, orgNameSchema, reasonSchema } from '../values';

/** The order (the envelope's subject), its enterprise and district, as every order and dispatch fact names them. */
export const serviceOrderRefSchema = z.object({
  title: serviceOrderContentSchema.shape.title,
  enterpriseOrgId: orgIdSchema,
  enterpriseName: orgNameSchema,
  districtCode: districtCodeSchema,
});

const order = serviceOrderRefSchema;

/** 企业下单: a VERIFIED enterprise submitted its order to its district office (DRAFT or RETURNED → SUBMITTED). */
export const serviceOrderSubmittedV1 = defineEvent({
  type: 'service-order.submitted',
  version: 1,
  stream: 'serviceOrder',
  description: 'An enterprise submitted a service order to its district office.',
  data: serviceOrderContentSchema.extend({
    enterpriseOrgId: orgIdSchema,
    enterpriseName: orgNameSchema,
    districtCode: districtCodeSchema,
    /**
     * The enterprise profile's related organisations (shareholders, parents, partners) at submission: 回避 keeps
     * their teams off the order. Optional (added within v1); absent means none declared.
     */
    relatedOrgIds: z.array(z.string().min(1).max(100)).max(50).optional(),
    /** True when submitted again after the district returned it. */
    resubmission: z.boolean(),
    submittedAt: instantSchema,
  }),
});

/** CANCELLED, final: by the enterprise before service starts, or by the district before delivery, with a reason. */
export const serviceOrderCancelledV1 = defineEvent({
  type: 'service-order.cancelled',
  version: 1,
  stream: 'serviceOrder',
  description: 'A service order was cancelled.',
  data: order.extend({
    cancelledBy: cancelledBySchema,
    reason: reasonSchema,
    /** The team that had accepted the order, if one had. */
    team: teamRefSchema.nullable(),
    cancelledAt: instantSchema,
  }),
});

/** The enterprise disputed the delivery (flag); its district office resolves the dispute. */
export const serviceOrderDeliveryDisputedV1 = defineEvent({
  type: 'service-order.delivery-disputed',
  version: 1,
  stream: 'serviceOrder',
  description: 'An enterprise disputed the delivery of a service order.',
  data: order.extend({ team: teamRefSchema, reason: reasonSchema, disputedAt: instantSchema }),
});

/**
 * The district resolved a delivery dispute: CONFIRM makes the order CONFIRMED (this fact is the confirmation; no
 * `service-order.confirmed` follows), RESUME_SERVICE sends the team back to work (IN_SERVICE).
 */
export const serviceOrderDisputeResolvedV1 = defineEvent({
  type: 'service-order.dispute-resolved',
  version: 1,
  stream: 'serviceOrder',
  description: 'The district office resolved a delivery dispute of a service order.',
  data: order.extend({ team: teamRefSchema, outcome: disputeOutcomeSchema, reason: reasonSchema, resolvedAt: instantSchema }),
});

/** The enterprise has not confirmed a delivery yet (timer, actor `system`): it will be confirmed automatically at `dueAt`. */
export const serviceOrderConfirmationRemindedV1 = defineEvent({
  type: 'service-order.confirmation-reminded',
  version: 1,
  stream: 'serviceOrder',
  description: 'An enterprise was reminded to confirm a delivered service order before it is confirmed automatically.',
  data: order.extend({ team: teamRefSchema, deliveredAt: instantSchema, dueAt: instantSchema, remindedAt: instantSchema }),
});

/** DELIVERED → CONFIRMED: by the enterprise, or `auto` (timer, actor `system`) after AUTO_CONFIRM_AFTER of silence. */
export const serviceOrderConfirmedV1 = defineEvent({
  type: 'service-order.confirmed',
  version: 1,
  stream: 'serviceOrder',
  description: 'The delivery of a service order was confirmed, by the enterprise or automatically.',
  data: order.extend({ team: teamRefSchema, auto: z.boolean(), confirmedAt: instantSchema }),
});

/** 企业评价: the enterprise rated the team, CONFIRMED → RATED; the team may appeal until `appealDueAt`. */
export const serviceOrderRatedV1 = defineEvent({
  type: 'service-order.rated',
  version: 1,
  stream: 'serviceOrder',
  description: 'An enterprise rated the team that served its order.',
  data: order.extend({
    ratingId: entityIdSchema,
    team: teamRefSchema,
    scores: ratingScoresSchema,
    comment: z.string().min(1).max(2000).nullable(),
    appealDueAt: instantSchema,
    ratedAt: instantSchema,
  }),
});

const ratingRuling = order.extend({ ratingId: entityIdSchema, team: teamRefSchema, reason: reasonSchema });

/** The team appealed its rating (申诉); the district decides. */
export const serviceOrderRatingAppealedV1 = defineEvent({
  type: 'service-order.rating-appealed',
  version: 1,
  stream: 'serviceOrder',
  description: 'A team appealed the rating of a service order.',
  data: ratingRuling.extend({ appealedAt: instantSchema }),
});

/** The district upheld the appeal: the rating is VOIDED and no longer counts for the team's reputation. */
export const serviceOrderRatingVoidedV1 = defineEvent({
  type: 'service-order.rating-voided',
  version: 1,
  stream: 'serviceOrder',
  description: 'The district office upheld a team’s appeal and voided the rating.',
  data: ratingRuling.extend({ voidedAt: instantSchema }),
});

/** The district dismissed the appeal: the rating stands. */
export const serviceOrderAppealDismissedV1 = defineEvent({
  type: 'service-order.appeal-dismissed',
  version: 1,
  stream: 'serviceOrder',
  description: 'The district office dismissed a team’s appeal of a rating.',
  data: ratingRuling.extend({ dismissedAt: instantSchema }),
});

/** RATED → CLOSED, final: the appeal window passed with no appeal open, or the appeal was decided after it. */
export const serviceOrderClosedV1 = defineEvent({
  type: 'service-order.closed',
  version: 1,
  stream: 'serviceOrder',
  description: 'A rated service order was closed.',
  data: order.extend({ team: teamRefSchema, closedAt: instantSchema }),
});

/** Every fact on the service-order stream, for the platform's event catalogue. */
export const SERVICE_ORDER_EVENTS = [
  serviceOrderSubmittedV1,
  serviceOrderCancelledV1,
  serviceOrderDeliveryDisputedV1,
  serviceOrderDisputeResolvedV1,
  serviceOrderConfirmationRemindedV1,
  serviceOrderConfirmedV1,
  serviceOrderRatedV1,
  serviceOrderRatingAppealedV1,
  serviceOrderRatingVoidedV1,
  serviceOrderAppealDismissedV1,
  serviceOrderClosedV1,
] as const;
