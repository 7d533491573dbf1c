import { randomBytes, randomUUID } from 'node:crypto';
import { dataSourceOptions } from '@jiebang/service-kit';
import { freshDatabase, query, testEnv } from '@jiebang/testing';
import { DataSource, type MigrationInterface } from 'typeorm';
import { loadConfig } from '../config';
import { database } from '../database';
import { webhookSecretBox } from '../webhooks/webhook-secret.keys';
import { resealWebhookSecrets } from '../webhooks/webhook-secrets.reseal';

const newKey = () => randomBytes(32).toString('base64');

/** Secrets stored in clear by the earlier schema are sealed in place; a key rotation re-seals them at boot. */
describe('sealing webhook secrets (real Postgres)', () => {
  let db: string;
  let source: DataSource;
  const keyA = newKey();
  const configWith = (env: Record<string, string>) => loadConfig(testEnv(db, '', env));
  const secrets = async () => query<{ id: string; secret: string }>(db, 'SELECT id, secret FROM webhook_endpoints ORDER BY id');

  beforeAll(async () => {
    db = await freshDatabase('notification');
  });

  afterAll(async () => {
    await source?.destroy();
  });

  it('seals the clear rows once, refuses clear ones afterwards, and can be undone', async () => {
    const config = configWith({ WEBHOOK_SECRET_KEY: keyA });
    const all = database(config);
    // Up to and including the sealing, which the later migrations build on.
    const sealAt = all.migrations.findIndex((m) => m.name === 'SealWebhookSecrets1764202100000');
    const earlier = new DataSource(dataSourceOptions(config, { entities: [], migrations: all.migrations.slice(0, sealAt) }));
    await earlier.initialize();
    await earlier.runMigrations();
    const clear = new Map<string, string>([randomUUID(), randomUUID()].map((id, i) => [id, `whsec_legacy-${i}`]));
    for (const [id, secret] of clear) {
      await earlier.query(
        `INSERT INTO webhook_endpoints (id, org_id, owner_role, url, categories, secret, status, created_by)
         VALUES ($1, 'org-bureau', 'bureau', 'https://erp.example.com/hook', '{challenge}', $2, 'active', 'u-1')`,
        [id, secret],
      );
    }
    await earlier.destroy();

    source = new DataSource(dataSourceOptions(config, { ...all, migrations: all.migrations.slice(0, sealAt + 1) }));
    await source.initialize();
    expect((await source.runMigrations()).map((m) => m.name)).toEqual(['SealWebhookSecrets1764202100000']);
    const box = webhookSecretBox(config);
    const sealed = await secrets();
    for (const { id, secret } of sealed) {
      expect(secret.startsWith(box.currentPrefix)).toBe(true);
      expect(box.open(secret, id)).toBe(clear.get(id));
    }

    // Idempotent: running it again seals nothing twice.
    const Seal = all.migrations[sealAt] as new () => MigrationInterface;
    const runner = source.createQueryRunner();
    await new Seal().up(runner).finally(() => runner.release());
    expect(await secrets()).toEqual(sealed);

    await expect(
      query(db, `INSERT INTO webhook_endpoints (id, org_id, owner_role, url, categories, secret, status, created_by)
                 VALUES ($1, 'org-x', 'bureau', 'https://x.example.com/', '{challenge}', 'whsec_clear', 'active', 'u-1')`, [randomUUID()]),
    ).rejects.toThrow(/webhook_endpoints_secret_sealed/);

    await source.undoLastMigration();
    expect(new Map((await secrets()).map((r) => [r.id, r.secret]))).toEqual(clear);
    await source.runMigrations();
  });

  // Continues from the rows the first test sealed under keyA.
  it('after a key rotation, re-seals every row under the new key, once; rows under an unknown key are reported', async () => {
    const before = await secrets();
    const keyB = newKey();
    const rotated = webhookSecretBox(configWith({ WEBHOOK_SECRET_KEY: keyB, WEBHOOK_SECRET_PREVIOUS_KEYS: keyA }));
    const opened = before.map((r) => rotated.open(r.secret, r.id));

    expect(await resealWebhookSecrets(source, rotated)).toEqual({ resealed: 2, unreadable: [] });
    const after = await secrets();
    expect(after.every((r) => r.secret.startsWith(rotated.currentPrefix))).toBe(true);
    expect(after.map((r) => rotated.open(r.secret, r.id))).toEqual(opened);
    expect(await resealWebhookSecrets(source, rotated)).toEqual({ resealed: 0, unreadable: [] });

    // The old key dropped too early: nothing is overwritten, and the rows are named for the log.
    const forgetful = webhookSecretBox(configWith({ WEBHOOK_SECRET_KEY: newKey() }));
    expect(await resealWebhookSecrets(source, forgetful)).toEqual({ resealed: 0, unreadable: after.map((r) => r.id) });
    expect(await secrets()).toEqual(after);
  });
});
