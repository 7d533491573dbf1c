import { randomUUID } from 'node:crypto';
import { eventually, http, mintToken, principals, query } from '@jiebang/testing';
import { DirectoryService } from './directory/directory.service';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver';
import { districtOffice, fixtureEvent, publish, startNotificationApp, submitted, type NotificationApp } from './testing/notification-app';

/**
 * Audiences: notices are addressed to an organisation in a role, and so are its webhook endpoints, contact e-mails
 * and preferences. An expert employed by a team (same organisation id, role `expert`) must not receive, redirect or
 * mute the team's notices, nor re-label the team in the directory. And an expert is a person: what concerns one
 * expert's profile is addressed to that expert, not to the expert audience their colleagues share.
 */
describe('audiences (organisation × role)', () => {
  let app: NotificationApp;
  let smtp: SmtpSink;
  let receiver: WebhookReceiver;
  let team: string;
  let expert: string;
  let bureau: string;

  const api = (path: string) => `${app.url}/api/v1${path}`;
  const deliveriesOf = (eventId: string) =>
    query<{
      channel: string;
      recipient_org_id: string;
      recipient_user_id: string | null;
      recipient_role: string;
      status: string;
      target: string | null;
      to: string[] | null;
    }>(
      app.database,
      `SELECT channel, recipient_org_id, recipient_user_id, recipient_role, status, target, content->'to' AS to
       FROM deliveries WHERE source_id = $1 ORDER BY channel`,
      [eventId],
    );
  const settled = (eventId: string) =>
    eventually(async () => {
      const rows = await deliveriesOf(eventId);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.status !== 'pending')).toBe(true);
      return rows;
    }, 30_000);
  const directoryRole = async (orgId: string) =>
    (await query<{ role: string }>(app.database, 'SELECT role FROM directory_organisations WHERE id = $1', [orgId]))[0]?.role;
  /**
   * A profile of `kind` whose owner (or, for an expert, employer) is the team's organisation, rated just now. Its
   * events name no owning person: a team's never do, and an expert's did not before `ownerId` was published.
   */
  const ratedProfile = (kind: 'team' | 'expert') => {
    const subject = randomUUID();
    const registered = fixtureEvent('profile.registered.v1', { subject, sequence: 1, data: { kind, name: `${kind} 档案`, ownerId: undefined } });
    const rated = fixtureEvent('profile.rated.v1', { subject, sequence: 2, data: { ratedAt: new Date().toISOString(), ownerId: undefined } });
    return { subject, registered, rated };
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    receiver = await startWebhookReceiver();
    app = await startNotificationApp({ SMTP_URL: smtp.url });
    team = await mintToken(principals.team);
    expert = await mintToken({ sub: 'u-exp-casting', role: 'expert', orgId: principals.team.orgId });
    bureau = await mintToken(principals.bureau);
    // Registered as a team, as the seeds do.
    const entry = await http('PUT', api(`/directory/organisations/${principals.team.orgId}`), {
      token: bureau,
      body: { name: '重庆大学材料科学与工程学院', role: 'team', districtCode: '500106', emails: ['team@casting.example.org'] },
    });
    expect(entry.status).toBe(200);
  });

  afterAll(async () => {
    await app?.close();
    await receiver?.close();
    await smtp?.close();
  });

  it('keeps the team\'s endpoints, contacts and preferences from an expert of the same organisation', async () => {
    const teamHook = await http('POST', api('/webhooks'), { token: team, body: { url: `${receiver.url}/team`, categories: ['profile'] } });
    expect(teamHook.status).toBe(201);

    // The expert sets up what an expert may: its own audience's.
    const mine = await http('PUT', api('/directory/my-organisation'), { token: expert, body: { emails: ['expert@casting.example.org'] } });
    expect(mine.body).toEqual({
      orgId: principals.team.orgId,
      role: 'expert',
      emails: ['expert@casting.example.org'],
      directory: { name: '重庆大学材料科学与工程学院', role: 'team', districtCode: '500106' },
    });
    expect((await http('POST', api('/webhooks'), { token: expert, body: { url: `${receiver.url}/expert`, categories: ['profile'] } })).status).toBe(201);
    const off = [
      { category: 'profile', channel: 'inbox', mode: 'off' },
      { category: 'profile', channel: 'email', mode: 'off' },
    ];
    expect((await http('PUT', api('/preferences'), { token: expert, body: { items: off } })).status).toBe(200);

    // …and cannot see or touch the team's.
    const listed = await http('GET', api('/webhooks'), { token: expert });
    expect(listed.body.items.map((e: { url: string }) => e.url)).toEqual([`${receiver.url}/expert`]);
    for (const [method, path] of [
      ['DELETE', ''],
      ['POST', '/enable'],
      ['POST', '/rotate-secret'],
    ]) {
      expect((await http(method, api(`/webhooks/${teamHook.body.id}${path}`), { token: expert })).body.code).toBe('WEBHOOK_NOT_FOUND');
    }
    expect((await http('GET', api('/preferences'), { token: team })).body.items).toContainEqual({ category: 'profile', channel: 'inbox', mode: 'immediate' });
    expect((await http('GET', api('/directory/my-organisation'), { token: team })).body.emails).toEqual(['team@casting.example.org']);

    const { subject, registered, rated } = ratedProfile('team');
    await publish(app.namespace, 'profile', registered, rated);
    // One transaction planned every delivery of the rating: only the team's endpoint, address and preferences count.
    expect((await settled(rated.id)).map((d) => [d.channel, d.recipient_role, d.status, d.target, d.to])).toEqual([
      ['email', 'team', 'sent', null, ['team@casting.example.org']],
      ['inbox', 'team', 'sent', null, null],
      ['webhook', 'team', 'sent', teamHook.body.id, null],
    ]);
    expect(receiver.callsTo('/expert')).toEqual([]);
    expect(smtp.mails.filter((m) => m.subject.startsWith('【揭榜挂帅】收到企业评价')).map((m) => m.to)).toEqual([['team@casting.example.org']]);
    const inboxOf = async (token: string) =>
      (await http('GET', api('/notifications?category=profile'), { token })).body.items.filter((n: { link: string }) => n.link === `/profiles/${subject}`);
    expect(await inboxOf(team)).toHaveLength(1);
    expect(await inboxOf(expert)).toEqual([]);
    expect(await directoryRole(principals.team.orgId)).toBe('team');
  });

  it('addresses an expert profile whose events name no owner (older events) to the experts of the employer, without re-labelling it', async () => {
    const { subject, registered, rated } = ratedProfile('expert');
    await publish(app.namespace, 'profile', registered, rated);
    const rows = await settled(rated.id);
    // The experts' audience muted profile notices in the inbox and by e-mail (first test); its endpoint is called.
    expect(rows.map((d) => [d.channel, d.recipient_role, d.status])).toEqual([
      ['email', 'expert', 'suppressed'],
      ['inbox', 'expert', 'suppressed'],
      ['webhook', 'expert', 'sent'],
    ]);
    expect(receiver.callsTo('/team').filter((c) => JSON.parse(c.body).eventId === rated.id)).toEqual([]);
    expect(receiver.callsTo('/expert').map((c) => JSON.parse(c.body).link)).toEqual([`http://127.0.0.1:5173/profiles/${subject}`]);
    // The expert's profile names the team as employer: the directory still knows the team as a team.
    expect(await directoryRole(principals.team.orgId)).toBe('team');
  });

  it('tells only the expert whose profile a dispute was upheld on: not a colleague, nor the experts\' endpoints or contacts', async () => {
    const a = { sub: 'u-exp-casting', token: expert, email: 'li@casting.example.org' }; // the expert of the first tests
    const b = { sub: 'u-exp-casting-b', token: await mintToken({ sub: 'u-exp-casting-b', role: 'expert', orgId: principals.team.orgId }), email: 'wang@casting.example.org' };
    for (const x of [a, b]) expect((await http('PUT', api('/directory/me'), { token: x.token, body: { email: x.email, name: x.sub } })).status).toBe(200);
    // B manages the experts' audience too: an endpoint of its own beside the one the first test registered.
    const colleagueHook = await http('POST', api('/webhooks'), { token: b.token, body: { url: `${receiver.url}/colleague`, categories: ['profile'] } });
    expect(colleagueHook.status).toBe(201);

    // Each expert has a profile, both employed by the team's organisation. A's was registered before matching
    // published owners, so the directory does not know whose it is; B's registration names B.
    const [profileA, profileB] = [randomUUID(), randomUUID()];
    const registeredA = fixtureEvent('profile.registered.v1', { subject: profileA, sequence: 1, data: { name: '李明远', ownerId: undefined } });
    const registeredB = fixtureEvent('profile.registered.v1', { subject: profileB, sequence: 1, data: { name: '王海', ownerId: b.sub } });
    const upheld = fixtureEvent('profile.dispute-upheld.v1', { subject: profileA, sequence: 2, data: { upheldAt: new Date().toISOString(), ownerId: a.sub } });
    await publish(app.namespace, 'profile', registeredA, registeredB, upheld);

    // The ruling names A as the owner: to A alone, in the inbox and at A's own address. A person has no webhooks and
    // no audience preferences (the experts' audience muted profile notices in the first test).
    expect((await settled(upheld.id)).map((d) => [d.channel, d.recipient_user_id, d.recipient_role, d.status, d.target, d.to])).toEqual([
      ['email', a.sub, 'expert', 'sent', null, [a.email]],
      ['inbox', a.sub, 'expert', 'sent', null, null],
    ]);
    const inboxOf = async (token: string, profile: string) =>
      (await http('GET', api('/notifications?category=profile'), { token })).body.items.filter((n: { link: string }) => n.link === `/profiles/${profile}`);
    expect((await inboxOf(a.token, profileA)).map((n: { title: string }) => n.title)).toEqual(['服务争议裁定：企业申诉被维持']);
    expect(await inboxOf(b.token, profileA)).toEqual([]);
    expect(await inboxOf(team, profileA)).toEqual([]);
    const called = (eventId: string) =>
      ['/expert', '/colleague', '/team'].flatMap((path) => receiver.callsTo(path)).filter((c) => JSON.parse(c.body).eventId === eventId);
    expect(called(upheld.id)).toEqual([]);
    expect(smtp.mails.filter((m) => m.subject.startsWith('【揭榜挂帅】服务争议裁定')).map((m) => m.to)).toEqual([[a.email]]);

    // A fact about B's profile that names no owner (a producer from before the field) reaches B alone: the directory
    // learnt the owner from B's registration.
    const rated = fixtureEvent('profile.rated.v1', { subject: profileB, sequence: 2, data: { ratedAt: new Date().toISOString(), ownerId: undefined } });
    await publish(app.namespace, 'profile', rated);
    expect((await settled(rated.id)).map((d) => [d.channel, d.recipient_user_id, d.status, d.to])).toEqual([
      ['email', b.sub, 'sent', [b.email]],
      ['inbox', b.sub, 'sent', null],
    ]);
    expect(await inboxOf(b.token, profileB)).toHaveLength(1);
    expect(await inboxOf(a.token, profileB)).toEqual([]);
    expect(called(rated.id)).toEqual([]);
  });

  it('puts a desk back in its role at boot, so a re-labelled district office hears of its district again', async () => {
    await query(app.database, `UPDATE directory_organisations SET role = 'expert' WHERE id = 'org-district-500109'`);
    await app.app.get(DirectoryService).onApplicationBootstrap();
    expect(await directoryRole('org-district-500109')).toBe('district');

    const event = submitted('500109', '北碚区温泉尾水余热利用');
    await publish(app.namespace, 'challenge', event);
    const rows = await settled(event.id);
    expect(rows.filter((d) => d.recipient_org_id === 'org-district-500109').map((d) => [d.channel, d.recipient_role])).toEqual([
      ['email', 'district'],
      ['inbox', 'district'],
    ]);
    const office = await mintToken(districtOffice('500109'));
    expect((await http('GET', api('/notifications'), { token: office })).body.items.map((n: { title: string }) => n.title)).toEqual([
      '辖区企业提交榜单：北碚区温泉尾水余热利用',
    ]);
  });
});
