import { ConfigError } from '@jiebang/service-kit';

/**
 * DEVELOPMENT ONLY. Committed to the repository, so it protects nothing: it lets development and tests run without
 * configuration, and is refused when NODE_ENV=production (as the committed JWT dev key is).
 */
export const DEV_WEBHOOK_SECRET_KEY = 'amllYmFuZyBERVYgT05MWSB3ZWJob29rIGtleSAzMmI=';

/** 32 bytes in standard base64, as `openssl rand -base64 32` prints them; a strict form catches a truncated paste. */
const KEY_FORMAT = /^[A-Za-z0-9+/]{43}=$/;

/** The variables this reads, as the configuration schema leaves them (the previous keys already split). */
export interface WebhookKeyConfig {
  NODE_ENV: string;
  WEBHOOK_SECRET_KEY?: string;
  WEBHOOK_SECRET_PREVIOUS_KEYS: string[];
}

/**
 * The keys sealing webhook secrets (AES-256, 32 bytes each), from configuration. A problem names the variable, never
 * the value: a mistyped key is still mostly a key. `config.ts` checks them at boot and `webhooks/` seals with them;
 * they live here, below both, so the configuration imports no feature folder.
 */
export function webhookSecretKeys(config: WebhookKeyConfig): { current: Buffer; previous: Buffer[] } {
  const production = config.NODE_ENV === 'production';
  if (production && config.WEBHOOK_SECRET_KEY === undefined) throw new ConfigError(['WEBHOOK_SECRET_KEY: required in production (not set)']);
  const problems: string[] = [];
  const key = (name: string, value: string): Buffer | null => {
    if (!KEY_FORMAT.test(value)) {
      problems.push(`${name}: must be 32 random bytes in base64 (openssl rand -base64 32); the value is not shown`);
      return null;
    }
    if (production && value === DEV_WEBHOOK_SECRET_KEY) problems.push(`${name}: is the committed development key; refused in production`);
    return Buffer.from(value, 'base64');
  };
  const current = key('WEBHOOK_SECRET_KEY', config.WEBHOOK_SECRET_KEY ?? DEV_WEBHOOK_SECRET_KEY);
  const previous = config.WEBHOOK_SECRET_PREVIOUS_KEYS.map((value, i) => key(`WEBHOOK_SECRET_PREVIOUS_KEYS[${i}]`, value));
  if (problems.length > 0 || !current) throw new ConfigError(problems);
  return { current, previous: previous.filter((k): k is Buffer => k !== null) };
}
