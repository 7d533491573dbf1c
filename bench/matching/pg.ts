import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { pgConnection } from '@jiebang/test-infra';

export function client(database = 'postgres'): Client {
  return new Client(pgConnection(database));
}

/**
 * A throwaway database of this run's own: `<prefix>_<time><random>`, so two benchmark runs (or a benchmark and a
 * test) never drop each other's. The caller drops it when done (`dropDatabase`, also on failure).
 */
export async function benchDatabase(prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const admin = client();
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = client();
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => admin.end());
}
