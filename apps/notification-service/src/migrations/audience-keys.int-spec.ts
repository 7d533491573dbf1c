import { dataSourceOptions } from '@jiebang/service-kit';
import { freshDatabase, query, testEnv } from '@jiebang/testing';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config';
import { database } from '../database';

/** Contacts and preferences move from organisations to audiences (organisation × role), and back. */
describe('audience keys migration (real Postgres)', () => {
  let db: string;
  let source: DataSource | undefined;

  beforeAll(async () => {
    db = await freshDatabase('notification');
  });

  afterAll(async () => {
    await source?.destroy();
  });

  it('gives contacts and preferences to the organisation\'s role in the directory, drops what it cannot place, and can be undone', async () => {
    const config = loadConfig(testEnv(db, ''));
    const all = database(config);
    const at = all.migrations.findIndex((m) => m.name === 'AudienceKeys1764202200000');
    const earlier = new DataSource(dataSourceOptions(config, { entities: [], migrations: all.migrations.slice(0, at) }));
    await earlier.initialize();
    await earlier.runMigrations();
    await earlier.query(`
      INSERT INTO directory_organisations (id, name, role, emails) VALUES
        ('org-team-casting', '材料学院', 'team', '{team@casting.example.org}'), ('org-ent-quiet', '某企业', 'enterprise', '{}')`);
    await earlier.query(`
      INSERT INTO preferences (org_id, category, channel, mode, updated_by) VALUES
        ('org-team-casting', 'profile', 'email', 'off', 'u-team-1'), ('org-unknown', 'challenge', 'inbox', 'off', 'u-x')`);
    await earlier.destroy();

    // Up to and including this migration (later ones build on it), so undoing the last one undoes this one.
    source = new DataSource(dataSourceOptions(config, { ...all, migrations: all.migrations.slice(0, at + 1) }));
    await source.initialize();
    expect((await source.runMigrations()).map((m) => m.name)).toEqual(['AudienceKeys1764202200000']);
    expect(await query(db, 'SELECT org_id, role, emails FROM directory_contacts')).toEqual([
      { org_id: 'org-team-casting', role: 'team', emails: ['team@casting.example.org'] },
    ]);
    expect(await query(db, 'SELECT org_id, role, category, channel, mode FROM preferences')).toEqual([
      { org_id: 'org-team-casting', role: 'team', category: 'profile', channel: 'email', mode: 'off' },
    ]);
    // An audience of another role sets its own choice beside the team's.
    await query(db, `INSERT INTO preferences (org_id, role, category, channel, mode, updated_by) VALUES ('org-team-casting', 'expert', 'profile', 'email', 'immediate', 'u-exp-1')`);

    await source.undoLastMigration();
    expect(await query(db, `SELECT id, emails FROM directory_organisations ORDER BY id`)).toEqual([
      { id: 'org-ent-quiet', emails: [] },
      { id: 'org-team-casting', emails: ['team@casting.example.org'] },
    ]);
    expect(await query(db, 'SELECT org_id, category, channel, mode FROM preferences')).toEqual([
      { org_id: 'org-team-casting', category: 'profile', channel: 'email', mode: 'off' },
    ]);
  });
});
