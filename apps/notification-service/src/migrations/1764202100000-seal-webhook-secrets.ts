import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SEALED_PREFIX, type SecretBox } from '../webhooks/secret-box';
import { resealWebhookSecrets } from '../webhooks/webhook-secrets.reseal';

/**
 * Webhook secrets were stored in clear; this seals them in place (AES-256-GCM, webhooks/secret-box.ts) and makes
 * the database refuse a clear one from now on. The key comes from configuration, so the migration is built from
 * the service's SecretBox rather than listed as a bare class. Re-running `up` seals nothing twice.
 */
export function sealWebhookSecrets(box: SecretBox): Function {
  return class SealWebhookSecrets1764202100000 implements MigrationInterface {
    name = 'SealWebhookSecrets1764202100000';

    async up(q: QueryRunner): Promise<void> {
      await resealWebhookSecrets(q, box);
      await q.query(`ALTER TABLE webhook_endpoints DROP CONSTRAINT IF EXISTS webhook_endpoints_secret_sealed`);
      await q.query(`ALTER TABLE webhook_endpoints ADD CONSTRAINT webhook_endpoints_secret_sealed CHECK (starts_with(secret, '${SEALED_PREFIX}'))`);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`ALTER TABLE webhook_endpoints DROP CONSTRAINT IF EXISTS webhook_endpoints_secret_sealed`);
      const rows: { id: string; secret: string }[] = await q.query(`SELECT id, secret FROM webhook_endpoints`);
      for (const row of rows) {
        await q.query(`UPDATE webhook_endpoints SET secret = $2 WHERE id = $1`, [row.id, box.open(row.secret, row.id)]);
      }
    }
  };
}
