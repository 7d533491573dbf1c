import { query } from '@jiebang/testing';
import { DataSource } from 'typeorm';
import { startNotificationApp, type NotificationApp } from '../testing/notification-app';
import { DirectoryService, type OrganisationInput } from './directory.service';

/** What events teach the directory about organisations, and that the usual case (nothing new) locks nothing. */
describe('directory learning from events', () => {
  let app: NotificationApp;
  let directory: DirectoryService;
  let dataSource: DataSource;

  const entry = async (id: string) =>
    (await query<{ name: string | null; role: string; district_code: string | null }>(
      app.database,
      'SELECT name, role, district_code FROM directory_organisations WHERE id = $1',
      [id],
    ))[0];
  const learn = (org: OrganisationInput) => dataSource.transaction((em) => directory.learn(em, org));

  beforeAll(async () => {
    app = await startNotificationApp();
    directory = app.app.get(DirectoryService);
    dataSource = app.app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('adds a new organisation, refreshes its name and district in its own role, and never re-labels it', async () => {
    await learn({ id: 'org-learn-a', name: '渝江铝业', role: 'enterprise', districtCode: '500106' });
    expect(await entry('org-learn-a')).toEqual({ name: '渝江铝业', role: 'enterprise', district_code: '500106' });

    await learn({ id: 'org-learn-a', name: '渝江铝业股份', role: 'enterprise', districtCode: '500107' });
    expect(await entry('org-learn-a')).toEqual({ name: '渝江铝业股份', role: 'enterprise', district_code: '500107' });

    // No name and no district: what is known stays.
    await learn({ id: 'org-learn-a', name: null, role: 'enterprise', districtCode: null });
    expect(await entry('org-learn-a')).toEqual({ name: '渝江铝业股份', role: 'enterprise', district_code: '500107' });

    // A fact about it in another role teaches nothing.
    await learn({ id: 'org-learn-a', name: '别名', role: 'team', districtCode: '500108' });
    expect(await entry('org-learn-a')).toEqual({ name: '渝江铝业股份', role: 'enterprise', district_code: '500107' });
  });

  it('does not lock a known, unchanged organisation, so events of one enterprise do not wait for each other', async () => {
    const org: OrganisationInput = { id: 'org-learn-b', name: '渝北精工', role: 'enterprise', districtCode: '500112' };
    await learn(org);
    const first = dataSource.createQueryRunner();
    await first.connect();
    await first.startTransaction();
    try {
      await directory.learn(first.manager, org); // held open, as an event's transaction is while its handlers run
      await dataSource.transaction(async (em) => {
        // Any wait for the first transaction's lock would fail this one at once (55P03) instead of blocking.
        await em.query(`SET LOCAL lock_timeout = '50ms'`);
        await directory.learn(em, org);
        await directory.learn(em, { ...org, name: null, districtCode: null });
      });
    } finally {
      await first.rollbackTransaction();
      await first.release();
    }
    // A change still takes the lock and applies.
    await learn({ ...org, name: '渝北精工集团' });
    expect((await entry('org-learn-b')).name).toBe('渝北精工集团');
  });
});
