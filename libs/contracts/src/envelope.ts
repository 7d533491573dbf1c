import { z } from 'zod';
import { roleSchema } from './roles';

/** Who caused a fact: a user acting in a role, or `system` for timers and automated steps. */
export const actorSchema = z.object({
  id: z.string().min(1),
  role: z.union([roleSchema, z.literal('system')]),
  orgId: z.string().min(1).optional(),
});
export type Actor = z.infer<typeof actorSchema>;

export const SERVICES = ['challenge-service', 'matching-service', 'notification-service'] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * CloudEvents-shaped envelope carried as the Kafka message value (JSON). `subject` is the aggregate id and the
 * Kafka key; `sequence` is the aggregate's version after the change, monotonic per subject, so a consumer can
 * ignore a stale fact; `id` is the idempotency key every consumer deduplicates on.
 */
export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().regex(/^[a-z][a-z-]*\.[a-z][a-z-]*$/, 'type is "<aggregate>.<past-tense-fact>"'),
  version: z.number().int().positive(),
  source: z.enum(SERVICES),
  subject: z.string().min(1),
  sequence: z.number().int().nonnegative(),
  time: z.iso.datetime({ offset: true }),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable(),
  actor: actorSchema,
  data: z.unknown(),
});

export type Envelope<TType extends string = string, TData = unknown> = Omit<
  z.infer<typeof envelopeSchema>,
  'type' | 'data'
> & { type: TType; data: TData };
