import { z } from 'zod';
import { env } from './parse-config';

/**
 * Variables every service reads. Each service extends this with its own port and database name.
 * Secure by default: without an explicit NODE_ENV a service behaves as in production (the committed dev key is
 * refused, a real key or JWKS is required) and listens on the loopback interface only.
 */
export const commonConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('production'),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PGHOST: z.string().default('127.0.0.1'),
  PGPORT: env.port(5432),
  PGUSER: z.string().default('postgres'),
  PGPASSWORD: z.string().optional(),
  /** Each service's schema sets its own default (jiebang_challenge, …). */
  PGDATABASE: z.string().min(1),
  REDIS_URL: env.url('redis://127.0.0.1:6379'),
  KAFKA_BROKERS: env.list('127.0.0.1:9092'),
  KAFKA_TOPIC_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9-]*$/, 'lower-case letters, digits and dashes only')
    .default(''),
  KAFKA_PARTITIONS_CONCURRENTLY: env.int(4, 1),
  KAFKA_MAX_ATTEMPTS: env.int(3, 1),
  KAFKA_SESSION_TIMEOUT_MS: env.int(30_000, 6_000),
  OUTBOX_POLL_INTERVAL_MS: env.int(1_000, 10),
  JWT_PUBLIC_KEY_FILE: z.string().optional(),
  JWT_JWKS_URL: z.string().pipe(z.url()).optional(),
  /** Comma-separated: a token from any of them is accepted (e.g. the local OIDC provider beside the dev token tool). */
  JWT_ISSUER: env.list('jiebang-dev'),
  JWT_AUDIENCE: z.string().default('jiebang'),
  JWT_ALGORITHMS: env.list('RS256,ES256,EdDSA'),
  /** Requests per window per client address / per signed-in principal; 0 = off; unset = 1200 / 600 (off under test). */
  RATE_LIMIT_PER_IP: z.coerce.number().int().min(0).optional(),
  RATE_LIMIT_PER_PRINCIPAL: z.coerce.number().int().min(0).optional(),
  RATE_LIMIT_WINDOW_MS: env.int(60_000, 1_000),
  /** Largest JSON request body (body-parser's syntax: 512kb, 1mb); a bigger one is answered 413. */
  HTTP_BODY_LIMIT: z
    .string()
    .regex(/^\d+(\.\d+)?(b|kb|mb)$/i, 'a size such as 512kb or 1mb')
    .default('1mb'),
});

export type CommonConfig = z.infer<typeof commonConfigSchema>;
