import { commonConfigSchema, env, parseConfig } from '@jiebang/service-kit';

export const challengeConfigSchema = commonConfigSchema.extend({
  PORT: env.port(3001),
  PGDATABASE: commonConfigSchema.shape.PGDATABASE.default('jiebang_challenge'),
});

export type ChallengeConfig = ReturnType<typeof loadConfig>;

export function loadConfig(environment: NodeJS.ProcessEnv = process.env) {
  return parseConfig(challengeConfigSchema, environment);
}
