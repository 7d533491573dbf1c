import { z } from 'zod';

/** A configuration problem found at boot; the message lists every bad variable so one restart fixes them all. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Values that may hold credentials are described, never echoed, in a configuration error. */
const SENSITIVE = /SECRET|PASSWORD|PASS|KEY|TOKEN|CREDENTIAL|_URL$|_URI$/i;

function shown(name: string, value: string | undefined): string {
  if (value === undefined) return ' (not set)';
  return SENSITIVE.test(name) ? ` (got a value of ${value.length} characters, not shown)` : ` (got "${value}")`;
}

/** Parses the environment once, at boot. */
export function parseConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      const value = issue.path.length === 1 ? env[String(issue.path[0])] : undefined;
      return `${name}: ${issue.message}${shown(name, value)}`;
    }),
  );
}

/** Building blocks for service config schemas. */
export const env = {
  port: (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback),
  int: (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback),
  bool: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0'])
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1'),
  list: (fallback: string) =>
    z
      .string()
      .default(fallback)
      .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(z.string()).min(1)),
  url: (fallback: string) => z.string().default(fallback).pipe(z.url()),
};
