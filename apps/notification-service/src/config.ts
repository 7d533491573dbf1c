import { commonConfigSchema, env, parseConfig } from '@jiebang/service-kit';

export const notificationConfigSchema = commonConfigSchema.extend({
  PORT: env.port(3003),
  PGDATABASE: commonConfigSchema.shape.PGDATABASE.default('jiebang_notification'),
});

export type NotificationConfig = ReturnType<typeof loadConfig>;

export function loadConfig(environment: NodeJS.ProcessEnv = process.env) {
  return parseConfig(notificationConfigSchema, environment);
}
