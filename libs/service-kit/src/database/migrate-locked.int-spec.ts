import { MESSAGING_MIGRATIONS } from '@jiebang/messaging';
import { freshDatabase, pgConnection, query } from '@jiebang/test-infra';
import { DataSource } from 'typeorm';
import { migrateLocked } from './migrate-locked';

describe('migrateLocked (real Postgres)', () => {
  it('lets instances that start together migrate one after the other, each migration once', async () => {
    const database = await freshDatabase('challenge');
    const sources = [0, 1, 2].map(
      () =>
        new DataSource({
          type: 'postgres',
          ...pgConnection(database),
          migrations: MESSAGING_MIGRATIONS,
        }),
    );
    await Promise.all(sources.map((s) => s.initialize()));
    const applied = await Promise.all(sources.map((s) => migrateLocked(s)));
    await Promise.all(sources.map((s) => s.destroy()));

    expect(applied.flat().sort()).toEqual(MESSAGING_MIGRATIONS.map((m) => m.name).sort());
    expect(await query(database, 'SELECT name FROM migrations ORDER BY id')).toHaveLength(MESSAGING_MIGRATIONS.length);
  });
});
