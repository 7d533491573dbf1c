import { ConfigError } from '@jiebang/service-kit';
import type { NotificationConfig } from '../config';
import { SecretBox, secretKey, type SecretKey } from './secret-box';

/**
 * DEVELOPMENT ONLY. Committed to the repository, so it protects nothing: it lets development and tests run without
 * configuration, and is refused when NODE_ENV=production (as the committed JWT dev key is).
 */
export const DEV_WEBHOOK_SECRET_KEY = 'amllYmFuZyBERVYgT05MWSB3ZWJob29rIGtleSAzMmI=';

/** 32 bytes in standard base64, as `openssl rand -base64 32` prints them; a strict form catches a truncated paste. */
const KEY_FORMAT = /^[A-Za-z0-9+/]{43}=$/;

type KeyConfig = Pick<NotificationConfig, 'NODE_ENV' | 'WEBHOOK_SECRET_KEY' | 'WEBHOOK_SECRET_PREVIOUS_KEYS'>;

/**
 * The box sealing webhook secrets, from configuration. Problems are reported without the value: parseConfig
 * would print a bad value, and a mistyped key is still mostly a key.
 */
export function webhookSecretBox(config: KeyConfig): SecretBox {
  const production = config.NODE_ENV === 'production';
  if (production && config.WEBHOOK_SECRET_KEY === undefined) throw new ConfigError(['WEBHOOK_SECRET_KEY: required in production (not set)']);
  const problems: string[] = [];
  const key = (name: string, value: string): SecretKey | null => {
    if (!KEY_FORMAT.test(value)) {
      problems.push(`${name}: must be 32 random bytes in base64 (openssl rand -base64 32); the value is not shown`);
      return null;
    }
    if (production && value === DEV_WEBHOOK_SECRET_KEY) problems.push(`${name}: is the committed development key; refused in production`);
    return secretKey(Buffer.from(value, 'base64'));
  };
  const current = key('WEBHOOK_SECRET_KEY', config.WEBHOOK_SECRET_KEY ?? DEV_WEBHOOK_SECRET_KEY);
  const previous = config.WEBHOOK_SECRET_PREVIOUS_KEYS.map((value, i) => key(`WEBHOOK_SECRET_PREVIOUS_KEYS[${i}]`, value));
  if (problems.length > 0 || !current) throw new ConfigError(problems);
  return new SecretBox(current, previous.filter((k): k is SecretKey => k !== null));
}
