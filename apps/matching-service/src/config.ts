import { commonConfigSchema, env, parseConfig } from '@jiebang/service-kit';

export const matchingConfigSchema = commonConfigSchema.extend({
  PORT: env.port(3002),
  PGDATABASE: commonConfigSchema.shape.PGDATABASE.default('jiebang_matching'),
});

export type MatchingConfig = ReturnType<typeof loadConfig>;

export function loadConfig(environment: NodeJS.ProcessEnv = process.env) {
  return parseConfig(matchingConfigSchema, environment);
}
