import { commonConfigSchema, env, parseConfig, queueConfigSchema } from '@jiebang/service-kit';
import { z } from 'zod';
import { webhookSecretKeys } from './webhook-keys.config';

export const notificationConfigSchema = commonConfigSchema
  .extend({
    PORT: env.port(3003),
    PGDATABASE: commonConfigSchema.shape.PGDATABASE.default('jiebang_notification'),
    ...queueConfigSchema.shape,
    DELIVERY_ATTEMPTS: env.int(6, 1),
    /** First retry delay; each further retry doubles it (1 s, 2 s, 4 s … with the defaults: about a minute in all). */
    DELIVERY_BACKOFF_MS: env.int(1_000, 1),
    DELIVERY_CONCURRENCY: env.int(16, 1),
    /** How often Postgres is swept for deliveries whose BullMQ job was lost (e.g. Redis restarted without data). */
    SWEEP_INTERVAL_MS: env.int(30_000, 50),
    /** A pending delivery younger than this is left to its job; older ones are re-armed by the sweep. */
    SWEEP_GRACE_MS: env.int(30_000, 0),
    /** smtp(s)://user:pass@host:port. Unset outside production: e-mails are rendered and logged, not sent. */
    SMTP_URL: z.string().pipe(z.url()).optional(),
    MAIL_FROM: z.string().default('揭榜挂帅平台 <noreply@jiebang.example.cn>'),
    /** Where the web app lives: notice links in e-mails and webhooks are made absolute with it. */
    WEB_BASE_URL: env.url('http://127.0.0.1:5173'),
    WEBHOOK_TIMEOUT_MS: env.int(5_000, 100),
    /** Consecutive failed attempts (across deliveries) after which an endpoint is disabled and its owner told. */
    WEBHOOK_DISABLE_AFTER: env.int(15, 1),
    /** Endpoints one audience (organisation × role) may register: each is called for every notice of its categories. */
    WEBHOOK_MAX_ENDPOINTS: env.int(10, 1),
    /** Live streams one person may hold open (tabs, devices), and one instance in all: each holds a socket. */
    SSE_MAX_STREAMS_PER_PRINCIPAL: env.int(5, 1),
    SSE_MAX_STREAMS: env.int(1_000, 1),
    /**
     * Webhook targets on loopback, private or link-local addresses (SSRF). Unset: refused in production, allowed
     * elsewhere so development and tests can use a local receiver (`allowPrivateTargets`).
     */
    WEBHOOK_ALLOW_PRIVATE_TARGETS: z
      .enum(['true', 'false', '1', '0'])
      .optional()
      .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1')),
    /**
     * Seals webhook secrets at rest (AES-256-GCM): 32 random bytes in base64, `openssl rand -base64 32`. Required in
     * production; elsewhere a committed, development-only key is used. Checked in `webhook-keys.config.ts`,
     * which never echoes a bad value (it is a secret).
     */
    WEBHOOK_SECRET_KEY: z.string().optional(),
    /** Keys in use before a rotation, comma-separated: still opened; rows under them are re-sealed at boot. */
    WEBHOOK_SECRET_PREVIOUS_KEYS: z
      .string()
      .default('')
      .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
    DIGEST_CRON: z.string().default('0 8 * * *'),
    DIGEST_TZ: z.string().default('Asia/Shanghai'),
    /** The desks every deployment has (市科技局 and the 38 区县科技局): their organisation ids at the identity provider. */
    BUREAU_ORG_ID: z.string().min(1).default('org-bureau'),
    DISTRICT_OFFICE_ORG_ID: z.string().includes('{code}').default('org-district-{code}'),
  })
  .refine((c) => c.NODE_ENV !== 'production' || c.SMTP_URL !== undefined, {
    path: ['SMTP_URL'],
    message: 'required in production',
  })
  .refine((c) => c.NODE_ENV !== 'production' || c.WEBHOOK_SECRET_KEY !== undefined, {
    path: ['WEBHOOK_SECRET_KEY'],
    message: 'required in production',
  });

export type NotificationConfig = z.infer<typeof notificationConfigSchema>;

/** Nest token of the parsed configuration. */
export const NOTIFICATION_CONFIG = Symbol('NOTIFICATION_CONFIG');

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): NotificationConfig {
  const config = parseConfig(notificationConfigSchema, environment);
  webhookSecretKeys(config); // a malformed or dev key stops the boot here, with the other configuration problems
  return config;
}

/** Private webhook targets: as configured, else allowed everywhere but in production. */
export function allowPrivateTargets(config: Pick<NotificationConfig, 'NODE_ENV' | 'WEBHOOK_ALLOW_PRIVATE_TARGETS'>): boolean {
  return config.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? config.NODE_ENV !== 'production';
}
