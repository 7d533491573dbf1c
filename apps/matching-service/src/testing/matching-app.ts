import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteNamespace, freshDatabase, freshNamespace, startServiceApp, testEnv, type RunningApp } from '@jiebang/testing';
import { AppModule } from '../app.module';
import { loadConfig } from '../config';
import { TEST_DICTIONARY, TEST_THESAURUS } from './engine-fixtures';

export interface MatchingTestApp extends RunningApp {
  database: string;
  namespace: string;
  api: string;
  stop(keepNamespace?: boolean): Promise<void>;
}

/**
 * The matching service in-process on the real Postgres, Redis and Kafka, with the small test dictionary and
 * thesaurus (so tests do not move when the seed data is edited).
 */
export async function startMatching(
  extra: Record<string, string> = {},
  reuse?: { database: string; namespace: string },
): Promise<MatchingTestApp> {
  const database = reuse?.database ?? (await freshDatabase('matching'));
  const namespace = reuse?.namespace ?? (await freshNamespace());
  const dir = mkdtempSync(join(tmpdir(), 'matching-test-'));
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
  const app = await startServiceApp(AppModule.forRoot(config));
  return {
    ...app,
    database,
    namespace,
    api: `${app.url}/api/v1`,
    async stop(keepNamespace = false) {
      await app.close();
      if (!keepNamespace) await deleteNamespace(namespace);
    },
  };
}
