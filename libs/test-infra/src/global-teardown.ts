import { dropRunDatabases } from './database';

/** Drops this run's test databases. */
export default async function globalTeardown(): Promise<void> {
  if (process.env.JIEBANG_TEST_RUN) await dropRunDatabases({ run: process.env.JIEBANG_TEST_RUN });
}
