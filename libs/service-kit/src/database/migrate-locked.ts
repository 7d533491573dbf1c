import type { DataSource } from 'typeorm';

/** Constant per database: only migrations of the same service database contend for it. */
const MIGRATION_LOCK_KEY = 7_242_002;

/**
 * Runs pending migrations while holding a session advisory lock, so instances starting together take turns
 * instead of racing into "relation already exists"; the second finds nothing left to do.
 */
export async function migrateLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
