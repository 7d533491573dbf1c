import { webhookSecretKeys, type WebhookKeyConfig } from '../webhook-keys.config';
import { SecretBox, secretKey } from './secret-box';

/** The box sealing webhook secrets under the configured keys; a bad key throws the ConfigError that names it. */
export function webhookSecretBox(config: WebhookKeyConfig): SecretBox {
  const { current, previous } = webhookSecretKeys(config);
  return new SecretBox(secretKey(current), previous.map(secretKey));
}
