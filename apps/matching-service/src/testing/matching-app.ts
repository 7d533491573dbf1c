import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteNamespace, deleteRedisKeys, freshDatabase, freshNamespace, startServiceApp, testEnv, type RunningApp } from '@jiebang/testing';
import { AppModule } from '../app.module';
import { queuePrefix } from '@jiebang/service-kit';
import { loadConfig, type MatchingConfig } from '../config';
import { TEST_DICTIONARY, TEST_THESAURUS } from './engine-fixtures';

export interface MatchingTestApp extends RunningApp {
  database: string;
  namespace: string;
  api: string;
  config: MatchingConfig;
  /** Closes the app, and unless `shared` (another instance still uses them) deletes its topics and queue keys. */
  stop(shared?: boolean): Promise<void>;
}

/**
 * The matching service in-process on the real Postgres, Redis and Kafka, with the small test dictionary and
 * thesaurus (so tests do not move when the seed data is edited). Pass `reuse` to start a second instance (or a
 * restarted one) on the same database and topics. `close` removes its temporary files; `stop` also what it left in
 * Kafka and Redis.
 */
export async function startMatching(
  extra: Record<string, string> = {},
  reuse?: { database: string; namespace: string },
): Promise<MatchingTestApp> {
  const database = reuse?.database ?? (await freshDatabase('matching'));
  const namespace = reuse?.namespace ?? (await freshNamespace());
  const dir = mkdtempSync(join(tmpdir(), 'matching-test-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  writeFileSync(join(dir, 'dictionary.txt'), TEST_DICTIONARY);
  writeFileSync(join(dir, 'thesaurus.json'), JSON.stringify({ entries: TEST_THESAURUS.entries }));
  const config = loadConfig(
    testEnv(database, namespace, {
      MATCHING_DICTIONARY_FILE: join(dir, 'dictionary.txt'),
      MATCHING_THESAURUS_FILE: join(dir, 'thesaurus.json'),
      ASSIGNMENT_SWEEP_INTERVAL_MS: '500',
      ...extra,
    }),
  );
  const app = await startServiceApp(AppModule.forRoot(config)).catch((e: Error) => {
    removeDir();
    throw e;
  });
  const close = async () => {
    await app.close();
    removeDir();
  };
  return {
    ...app,
    database,
    namespace,
    config,
    api: `${app.url}/api/v1`,
    close,
    async stop(shared = false) {
      await close();
      if (shared) return;
      await deleteNamespace(namespace);
      await deleteRedisKeys(`${queuePrefix(config)}:*`); // the batch queue's prefix is unique to the namespace
    },
  };
}

