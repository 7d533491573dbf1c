import { z } from 'zod';
import type { CommonConfig } from './common-config';

/** Variables of a service that keeps BullMQ queues: spread into its schema (`...queueConfigSchema.shape`). */
export const queueConfigSchema = z.object({
  /** BullMQ key prefix; defaults to one per topic namespace, so test runs sharing a Redis never see each other's jobs. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only')
    .optional(),
});

export type QueueConfig = z.infer<typeof queueConfigSchema>;

export function queuePrefix(config: QueueConfig & Pick<CommonConfig, 'KAFKA_TOPIC_NAMESPACE'>): string {
  return config.QUEUE_PREFIX ?? (config.KAFKA_TOPIC_NAMESPACE ? `jiebang-${config.KAFKA_TOPIC_NAMESPACE}` : 'jiebang');
}
