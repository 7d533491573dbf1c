import { disputeOutcomeSchema, ratingScoresSchema, serviceOrderContentSchema } from '@jiebang/contracts';
import { z } from 'zod';
import { SERVICE_ORDER_STATES } from './service-order.domain';

const c = serviceOrderContentSchema.shape;
const contentShape = {
  title: c.title,
  description: c.description,
  fields: c.fields,
  urgency: c.urgency,
  serviceMode: c.serviceMode,
  window: z.strictObject(c.window.shape),
  contact: z.strictObject(c.contact.shape),
};

export const idSchema = z.uuid();

/** POST /service-orders: the order's content; the district is the enterprise's, never given. */
export const createServiceOrderSchema = z.strictObject(contentShape);
export type CreateServiceOrderInput = z.infer<typeof createServiceOrderSchema>;

/** PATCH: any part of the content. */
export const editServiceOrderSchema = z.strictObject(contentShape).partial();
export type EditServiceOrderInput = z.infer<typeof editServiceOrderSchema>;

const reason = z.string().trim().min(2).max(500);
export const reasonBodySchema = z.strictObject({ reason });
export type ReasonBody = z.infer<typeof reasonBodySchema>;

export const resolveDisputeSchema = z.strictObject({ outcome: disputeOutcomeSchema, reason });
export type ResolveDisputeInput = z.infer<typeof resolveDisputeSchema>;

export const rateSchema = z.strictObject({ ...ratingScoresSchema.shape, comment: z.string().trim().min(1).max(2000).nullable().default(null) });
export type RateInput = z.infer<typeof rateSchema>;

export const decideAppealSchema = z.strictObject({ uphold: z.boolean(), reason });
export type DecideAppealInput = z.infer<typeof decideAppealSchema>;

export const listServiceOrdersSchema = z.strictObject({
  status: z.enum(SERVICE_ORDER_STATES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListServiceOrdersQuery = z.infer<typeof listServiceOrdersSchema>;
