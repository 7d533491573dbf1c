import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SecretBox, SecretBoxError, SEALED_PREFIX } from './secret-box';

/** A DataSource, an EntityManager or a migration's QueryRunner. */
interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/**
 * Seals every endpoint secret not yet sealed under the current key: secrets in clear (the migration that introduced
 * sealing) and secrets under a previous key (each boot after a rotation). Idempotent: a second run finds nothing.
 * A row is only overwritten if it still holds what was read, so an owner rotating the secret meanwhile wins.
 */
export async function resealWebhookSecrets(db: Queryable, box: SecretBox): Promise<{ resealed: number; unreadable: string[] }> {
  const rows: { id: string; secret: string }[] = await db.query(
    `SELECT id, secret FROM webhook_endpoints WHERE NOT starts_with(secret, $1) ORDER BY id`,
    [box.currentPrefix],
  );
  const unreadable: string[] = [];
  let resealed = 0;
  for (const row of rows) {
    let plain: string;
    try {
      plain = row.secret.startsWith(SEALED_PREFIX) ? box.open(row.secret, row.id) : row.secret;
    } catch (e) {
      if (!(e instanceof SecretBoxError)) throw e;
      unreadable.push(row.id);
      continue;
    }
    await db.query(`UPDATE webhook_endpoints SET secret = $3 WHERE id = $1 AND secret = $2`, [row.id, row.secret, box.seal(plain, row.id)]);
    resealed += 1;
  }
  return { resealed, unreadable };
}

/** Finishes a key rotation at boot; several instances doing it at once is harmless (see above). */
@Injectable()
export class WebhookSecretsResealer implements OnApplicationBootstrap {
  private readonly logger = new Logger('WebhookSecrets');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly box: SecretBox,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { resealed, unreadable } = await resealWebhookSecrets(this.dataSource, this.box);
    if (resealed > 0) this.logger.log(`re-sealed ${resealed} webhook secret(s) under the current key`);
    if (unreadable.length > 0) {
      this.logger.error(`webhook secrets of endpoints ${unreadable.join(', ')} are sealed under a key no longer configured; their deliveries fail`);
    }
  }
}
