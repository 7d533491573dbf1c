import { dropRunDatabases, newRunId } from './database';

/**
 * One id per jest run, inherited by the workers through the environment, so two runs on one machine (CI and a
 * developer, two clones) never share a test database. Databases left by runs that died more than a day ago
 * are dropped here too.
 */
export default async function globalSetup(): Promise<void> {
  process.env.JIEBANG_TEST_RUN ??= newRunId();
  await dropRunDatabases({ olderThanMs: 24 * 3_600_000 });
}
