import { createHmac, randomUUID } from 'node:crypto';
import { eventually, http, mintToken, principals, query } from '@jiebang/testing';
import { DeliveryQueues } from './queues/delivery.queues';
import { DeliverySweeper } from './deliveries/delivery.sweeper';
import { DeliveryWorkers } from './deliveries/delivery.workers';
import { openStream } from './testing/sse-client';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver';
import { districtOffice, fixtureEvent, publish, startNotificationApp, submitted, type NotificationApp } from './testing/notification-app';

/**
 * The service on real Kafka, Postgres, Redis and a real SMTP server: events in, notices out on every channel.
 * One app for the file; each test uses its own districts and titles so they do not see each other's notices.
 */
describe('notification-service', () => {
  let app: NotificationApp;
  let smtp: SmtpSink;
  let receiver: WebhookReceiver;
  let bureau: string;

  const api = (path: string) => `${app.url}/api/v1${path}`;
  const inbox = async (token: string, q = 'pageSize=100') => (await http('GET', api(`/notifications?${q}`), { token })).body;
  const deliveriesOf = (eventId: string) =>
    query<{ channel: string; recipient_org_id: string; status: string; attempts: number }>(
      app.database,
      'SELECT channel, recipient_org_id, status, attempts FROM deliveries WHERE source_id = $1 ORDER BY recipient_org_id, channel',
      [eventId],
    );

  beforeAll(async () => {
    smtp = await startSmtpSink();
    receiver = await startWebhookReceiver();
    app = await startNotificationApp({ SMTP_URL: smtp.url });
    bureau = await mintToken(principals.bureau);
  });

  afterAll(async () => {
    await app?.close();
    await receiver?.close();
    await smtp?.close();
  });

  it('turns one event into the right notices, e-mails and signed webhook calls, once, though Kafka delivers it twice', async () => {
    expect((await http('PUT', api('/directory/my-organisation'), { token: bureau, body: { emails: ['kjj-gongzuo@example.cq.gov.cn'] } })).status).toBe(200);
    const office = await http('PUT', api('/directory/organisations/org-district-500112'), {
      token: bureau,
      body: { name: '渝北区科学技术局', role: 'district', districtCode: '500112', emails: ['kjj-500112@example.cq.gov.cn'] },
    });
    expect(office.status).toBe(200);
    const hook = await http('POST', api('/webhooks'), { token: bureau, body: { url: `${receiver.url}/bureau`, categories: ['challenge'] } });
    expect(hook.status).toBe(201);
    expect(hook.body.secret).toMatch(/^whsec_/);

    const event = submitted('500112', '电池壳体压铸气孔控制');
    const marker = submitted('500112', '标记：其后无重复', event.subject);
    await publish(app.namespace, 'challenge', event, event);
    await publish(app.namespace, 'challenge', marker);

    // Same subject, same partition: once the marker's e-mails are out, the duplicate has been consumed too.
    await eventually(() => expect(smtp.mails.filter((m) => m.subject.includes('标记：其后无重复'))).toHaveLength(2), 30_000);
    await eventually(async () => expect((await deliveriesOf(marker.id)).every((d) => d.status === 'sent')).toBe(true));

    const deliveries = await deliveriesOf(event.id);
    expect(deliveries.map((d) => [d.recipient_org_id, d.channel, d.status])).toEqual([
      ['org-bureau', 'email', 'sent'],
      ['org-bureau', 'inbox', 'sent'],
      ['org-bureau', 'webhook', 'sent'],
      ['org-district-500112', 'email', 'sent'],
      ['org-district-500112', 'inbox', 'sent'],
    ]);

    const bureauNotices = (await inbox(bureau)).items.filter((n: { title: string }) => n.title.includes('电池壳体压铸气孔控制'));
    expect(bureauNotices).toEqual([
      expect.objectContaining({
        title: '新榜单待论证：电池壳体压铸气孔控制',
        category: 'challenge',
        mandatory: true,
        link: `/challenges/${event.subject}`,
        readAt: null,
      }),
    ]);
    expect(bureauNotices[0].body).toContain('重庆长安汽车零部件有限公司（渝北区）提交了榜单《电池壳体压铸气孔控制》，悬赏 200 万元');
    const officeNotices = (await inbox(await mintToken(districtOffice('500112')))).items.filter((n: { title: string }) =>
      n.title.includes('电池壳体压铸气孔控制'),
    );
    expect(officeNotices.map((n: { title: string }) => n.title)).toEqual(['辖区企业提交榜单：电池壳体压铸气孔控制']);
    // The acting enterprise is not told of its own submission.
    expect((await inbox(await mintToken({ ...principals.enterprise, orgId: 'org-ent-changan' }))).items).toEqual([]);

    const mails = smtp.mails.filter((m) => m.subject.includes('电池壳体压铸气孔控制'));
    expect(mails.map((m) => [m.subject, m.to])).toEqual(
      expect.arrayContaining([
        ['【揭榜挂帅】新榜单待论证：电池壳体压铸气孔控制', ['kjj-gongzuo@example.cq.gov.cn']],
        ['【揭榜挂帅】辖区企业提交榜单：电池壳体压铸气孔控制', ['kjj-500112@example.cq.gov.cn']],
      ]),
    );
    expect(mails).toHaveLength(2);
    const toBureau = mails.find((m) => m.to[0] === 'kjj-gongzuo@example.cq.gov.cn')!;
    expect(toBureau.text).toContain('重庆长安汽车零部件有限公司（渝北区）提交了榜单《电池壳体压铸气孔控制》，悬赏 200 万元，揭榜截止 2026-06-30，请组织专家论证。');
    expect(toBureau.text).toContain(`查看详情：http://127.0.0.1:5173/challenges/${event.subject}`);
    expect(toBureau.html).toContain('新榜单待论证：电池壳体压铸气孔控制');

    const calls = receiver.callsTo('/bureau').filter((c) => JSON.parse(c.body).eventId === event.id);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    const signed = createHmac('sha256', hook.body.secret).update(`${call.headers['x-jiebang-timestamp']}.${call.body}`).digest('hex');
    expect(call.headers['x-jiebang-signature']).toBe(`v1=${signed}`);
    expect(call.headers['x-jiebang-event']).toBe('challenge.submitted');
    expect(JSON.parse(call.body)).toMatchObject({
      id: call.headers['x-jiebang-delivery'],
      type: 'challenge.submitted',
      category: 'challenge',
      title: '新榜单待论证：电池壳体压铸气孔控制',
      link: `http://127.0.0.1:5173/challenges/${event.subject}`,
    });

    // Jobs run again (as after a Redis failover that kept old jobs, or a stalled worker) send nothing twice.
    const queues = app.app.get(DeliveryQueues);
    const ids = (await query<{ id: string; channel: 'inbox' | 'email' | 'webhook' }>(app.database, 'SELECT id, channel FROM deliveries WHERE source_id = $1', [event.id]));
    for (const d of ids) await queues.rearm(d);
    await eventually(async () => {
      for (const d of ids) expect(await (await queues.channels[d.channel].getJob(d.id))?.getState()).toBe('completed');
    });
    expect(smtp.mails.filter((m) => m.subject.includes('电池壳体压铸气孔控制'))).toHaveLength(2);
    expect(receiver.callsTo('/bureau').filter((c) => JSON.parse(c.body).eventId === event.id)).toHaveLength(1);
    expect(await app.app.get(DeliverySweeper).sweep(0)).toBe(0);
  });

  it('suppresses an optional notice an organisation turned off, but never a mandatory one', async () => {
    const office = await mintToken(districtOffice('500106'));
    expect((await http('PUT', api('/directory/my-organisation'), { token: office, body: { emails: ['kjj-500106@example.cq.gov.cn'] } })).status).toBe(200);
    const off = [
      { category: 'challenge', channel: 'inbox', mode: 'off' },
      { category: 'challenge', channel: 'email', mode: 'off' },
    ];
    for (const token of [office, bureau]) {
      const res = await http('PUT', api('/preferences'), { token, body: { items: off } });
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual(expect.arrayContaining([{ category: 'challenge', channel: 'inbox', mode: 'off' }]));
      expect(res.body.mandatory).toEqual(expect.arrayContaining([expect.objectContaining({ notice: 'challenge.submitted@v1/bureau' })]));
    }

    const event = submitted('500106', '火锅底料自动化炒制');
    await publish(app.namespace, 'challenge', event);

    // The bureau's notice is mandatory: in the inbox and e-mailed despite its preferences.
    await eventually(async () => expect((await inbox(bureau)).items.map((n: { title: string }) => n.title)).toContain('新榜单待论证：火锅底料自动化炒制'));
    await eventually(() => expect(smtp.mails.map((m) => m.subject)).toContain('【揭榜挂帅】新榜单待论证：火锅底料自动化炒制'));
    // The office's optional notice was decided in the same transaction: suppressed on both channels, for good.
    expect((await deliveriesOf(event.id)).filter((d) => d.recipient_org_id === 'org-district-500106').map((d) => [d.channel, d.status])).toEqual([
      ['email', 'suppressed'],
      ['inbox', 'suppressed'],
    ]);
    expect((await inbox(office)).items).toEqual([]);
    expect(smtp.mails.filter((m) => m.to.includes('kjj-500106@example.cq.gov.cn'))).toEqual([]);
  });

  it('holds low-priority e-mails for the daily digest, which sends them as one e-mail', async () => {
    const office = await mintToken(districtOffice('500153'));
    await http('PUT', api('/directory/my-organisation'), { token: office, body: { emails: ['kjj-500153@example.cq.gov.cn'] } });
    const res = await http('PUT', api('/preferences'), { token: office, body: { items: [{ category: 'challenge', channel: 'email', mode: 'digest' }] } });
    expect(res.status).toBe(200);

    const first = submitted('500153', '生猪养殖粪污资源化');
    const second = submitted('500153', '饲料霉菌毒素快速检测');
    await publish(app.namespace, 'challenge', first, second);
    // In the inbox at once; the e-mails wait.
    await eventually(async () => expect((await inbox(office)).items).toHaveLength(2));
    const waiting = [...(await deliveriesOf(first.id)), ...(await deliveriesOf(second.id))].filter((d) => d.recipient_org_id === 'org-district-500153');
    expect(waiting.filter((d) => d.channel === 'email').map((d) => d.status)).toEqual(['digest', 'digest']);
    expect(smtp.mails.filter((m) => m.to.includes('kjj-500153@example.cq.gov.cn'))).toEqual([]);

    const scheduler = await app.app.get(DeliveryQueues).maintenance.getJobScheduler('daily-digest');
    expect(scheduler).toMatchObject({ pattern: '0 8 * * *', tz: 'Asia/Shanghai' });

    const run = await http('POST', api('/operator/digest/run'), { token: bureau });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ notices: 2 });
    const digest = await eventually(() => {
      const mails = smtp.mails.filter((m) => m.to.includes('kjj-500153@example.cq.gov.cn'));
      expect(mails).toHaveLength(1);
      return mails[0];
    });
    expect(digest.subject).toMatch(/^【揭榜挂帅】每日通知摘要（\d{4}-\d{2}-\d{2}，共 2 条）$/);
    // Numbered in the order they arrived (two subjects, two partitions: either may be first).
    expect(digest.text).toMatch(/[12]\. 辖区企业提交榜单：生猪养殖粪污资源化（/);
    expect(digest.text).toMatch(/[12]\. 辖区企业提交榜单：饲料霉菌毒素快速检测（/);
    expect((await http('POST', api('/operator/digest/run'), { token: bureau })).body).toEqual({ organisations: 0, notices: 0 });
  });

  it('pushes a new notice over SSE to a connected client that may see it, and only to such clients', async () => {
    const office = await mintToken(districtOffice('500111'));
    const bureauStream = await openStream(api(`/notifications/stream?access_token=${bureau}`));
    const officeStream = await openStream(api(`/notifications/stream?access_token=${office}`));
    try {
      await bureauStream.next('ready');
      expect((await officeStream.next('ready')).data).toEqual({ unread: 0 });
      await publish(app.namespace, 'challenge', submitted('500108', '长江索道钢丝绳无损检测'));
      const pushed = await bureauStream.next('notification', (n) => n.title === '新榜单待论证：长江索道钢丝绳无损检测');
      expect(pushed.data).toMatchObject({ category: 'challenge', mandatory: true, readAt: null });

      // The office of another district was not told of that one: the first notice it gets is for its own district.
      await publish(app.namespace, 'challenge', submitted('500111', '大足石刻风化监测'));
      await officeStream.next('notification');
      expect(officeStream.events.filter((e) => e.type === 'notification').map((e) => e.data.title)).toEqual(['辖区企业提交榜单：大足石刻风化监测']);
    } finally {
      bureauStream.close();
      officeStream.close();
    }
  });

  it('lists the inbox by unread, category and page, counts unread, and marks read one or all', async () => {
    const office = await mintToken(districtOffice('500110'));
    await publish(app.namespace, 'challenge', submitted('500110', '页岩气压裂返排液处理'), submitted('500110', '綦江齿轮热处理变形'));
    await eventually(async () => expect((await inbox(office)).total).toBe(2));

    expect((await http('GET', api('/notifications/unread-count'), { token: office })).body).toEqual({ unread: 2, byCategory: { challenge: 2 } });
    const page = await inbox(office, 'page=2&pageSize=1');
    expect(page).toMatchObject({ total: 2, unread: 2, page: 2, pageSize: 1 });
    expect(page.items).toHaveLength(1);
    expect((await inbox(office, 'category=profile')).items).toEqual([]);

    const read = await http('POST', api(`/notifications/${page.items[0].id}/read`), { token: office });
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await inbox(office, 'unread=true')).items.map((n: { id: string }) => n.id)).not.toContain(page.items[0].id);
    expect((await inbox(office, 'unread=true')).total).toBe(1);
    // Another organisation cannot read (or even find) it.
    expect((await http('POST', api(`/notifications/${page.items[0].id}/read`), { token: bureau })).body.code).toBe('NOTIFICATION_NOT_FOUND');

    expect((await http('POST', api('/notifications/read-all'), { token: office })).body).toEqual({ marked: 1 });
    expect((await http('GET', api('/notifications/unread-count'), { token: office })).body.unread).toBe(0);
  });

  it('re-arms from Postgres what a Redis restart lost, and delivers it once', async () => {
    const office = await mintToken(districtOffice('500120'));
    await http('PUT', api('/directory/my-organisation'), { token: office, body: { emails: ['kjj-500120@example.cq.gov.cn'] } });
    const workers = app.app.get(DeliveryWorkers);
    await workers.pause();
    const event = submitted('500120', '璧山眼镜镜片镀膜');
    try {
      await publish(app.namespace, 'challenge', event);
      const queues = app.app.get(DeliveryQueues);
      const pending = await eventually(async () => {
        const rows = await query<{ id: string; channel: 'inbox' | 'email' | 'webhook' }>(
          app.database,
          `SELECT id, channel FROM deliveries WHERE source_id = $1 AND status = 'pending'`,
          [event.id],
        );
        expect(rows).toHaveLength(5);
        for (const r of rows) expect(await queues.channels[r.channel].getJob(r.id)).toBeDefined();
        return rows;
      });
      expect(await app.loseRedisJobs()).toBeGreaterThan(0);
      for (const r of pending) expect(await queues.channels[r.channel].getJob(r.id)).toBeUndefined();
    } finally {
      workers.resume();
    }
    expect(await app.app.get(DeliverySweeper).sweep(0)).toBe(5);
    await eventually(async () => expect((await deliveriesOf(event.id)).map((d) => d.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']));
    expect((await inbox(office)).items.map((n: { title: string }) => n.title)).toEqual(['辖区企业提交榜单：璧山眼镜镜片镀膜']);
    expect(smtp.mails.filter((m) => m.to.includes('kjj-500120@example.cq.gov.cn'))).toHaveLength(1);
  });

  it('tells the owner of a matching profile, found through the directory, of facts about it — but not of its own acts', async () => {
    const team = await mintToken(principals.team);
    const subject = randomUUID();
    // The golden fixtures tell an expert's story; a team is an organisation, so its facts name no owning person.
    const teamOwned = { ownerId: undefined };
    const registered = fixtureEvent('profile.registered.v1', { subject, sequence: 1, data: { ...teamOwned, kind: 'team', name: '轻合金压铸工艺科技特派员团' } });
    const upheld = fixtureEvent('profile.dispute-upheld.v1', { subject, sequence: 2, data: teamOwned });
    const byTheTeam = { id: principals.team.sub, role: 'team', orgId: principals.team.orgId } as const;
    const withdrawn = fixtureEvent('profile.withdrawn.v1', { subject, sequence: 3, actor: byTheTeam, data: teamOwned }); // by the team itself
    // Imported long after it was given (as `npm run seed` does): counts for reputation, is no news to the team.
    const imported = fixtureEvent('profile.rated.v1', {
      subject,
      sequence: 4,
      data: { ...teamOwned, ratingId: 'seed-r1', score: 2, ratedAt: '2025-01-06T10:00:00+08:00' },
    });
    const rated = fixtureEvent('profile.rated.v1', { subject, sequence: 5, data: { ...teamOwned, ratedAt: new Date().toISOString() } });
    await publish(app.namespace, 'profile', registered, upheld, withdrawn, imported, rated);

    // Same subject, one partition, in order: once the rating's notice is in, the withdrawal and the import were handled.
    const titles = await eventually(async () => {
      const items = (await http('GET', api('/notifications?category=profile'), { token: team })).body.items.map((n: { title: string }) => n.title);
      expect(items).toContain('收到企业评价：5 星');
      return items;
    });
    expect(titles.sort()).toEqual(['收到企业评价：5 星', '服务争议裁定：企业申诉被维持']);
    expect(await query(app.database, 'SELECT id FROM deliveries WHERE source_id = $1', [imported.id])).toEqual([]);
    const org = await http('GET', api('/directory/organisations?role=team'), { token: bureau });
    expect(org.body.items).toEqual([expect.objectContaining({ id: 'org-team-casting', name: '重庆大学材料科学与工程学院', districtCode: '500106' })]);
  });

  it('answers bad input with a 4xx, a stable code and the field at fault', async () => {
    const enterprise = await mintToken(principals.enterprise);
    const cases: [string, string, unknown, number, string, string?][] = [
      ['POST', '/webhooks', { url: 'ftp://erp.example.com/hook', categories: ['challenge'] }, 400, 'VALIDATION_FAILED', 'url'],
      ['POST', '/webhooks', { url: 'https://erp.example.com/hook', categories: ['lottery'] }, 400, 'VALIDATION_FAILED', 'categories.0'],
      ['POST', '/webhooks', { url: 'https://erp.example.com/hook', categories: [] }, 400, 'VALIDATION_FAILED', 'categories'],
      ['POST', '/webhooks', { url: 'https://erp.example.com/hook', categories: ['challenge'], secret: 'mine' }, 400, 'VALIDATION_FAILED', 'secret'],
      ['POST', `/webhooks/${randomUUID()}/enable`, undefined, 404, 'WEBHOOK_NOT_FOUND'],
      ['DELETE', '/webhooks/not-a-uuid', undefined, 400, 'VALIDATION_FAILED', 'id'],
      ['PUT', '/preferences', { items: [{ category: 'challenge', channel: 'inbox', mode: 'digest' }] }, 400, 'PREFERENCE_DIGEST_EMAIL_ONLY', 'mode'],
      ['PUT', '/preferences', { items: [{ category: 'challenge', channel: 'sms', mode: 'off' }] }, 400, 'VALIDATION_FAILED', 'items.0.channel'],
      ['PUT', '/preferences', { items: [] }, 400, 'VALIDATION_FAILED', 'items'],
      ['GET', '/notifications?pageSize=1000', undefined, 400, 'VALIDATION_FAILED', 'pageSize'],
      ['GET', '/notifications?unread=yes', undefined, 400, 'VALIDATION_FAILED', 'unread'],
      ['GET', '/notifications?sort=asc', undefined, 400, 'VALIDATION_FAILED', 'sort'],
      ['GET', '/notifications/stream?topic=all', undefined, 400, 'VALIDATION_FAILED', 'topic'],
      ['POST', '/notifications/42/read', undefined, 400, 'VALIDATION_FAILED', 'id'],
      ['POST', `/notifications/${randomUUID()}/read`, undefined, 404, 'NOTIFICATION_NOT_FOUND'],
      ['POST', '/notifications/read-all', { category: 'everything' }, 400, 'VALIDATION_FAILED', 'category'],
      ['PUT', '/directory/my-organisation', { emails: ['not-an-address'] }, 400, 'VALIDATION_FAILED', 'emails.0'],
      ['PUT', '/directory/organisations/org-x', { name: 'x', role: 'district', emails: [] }, 403, 'AUTH_ROLE_FORBIDDEN'],
      ['GET', '/operator/deliveries', undefined, 403, 'AUTH_ROLE_FORBIDDEN'],
    ];
    for (const [method, path, body, status, code, field] of cases) {
      const res = await http(method, api(path), { token: enterprise, body });
      expect({ method, path, status: res.status, code: res.body?.code, field: res.body?.details?.field }).toEqual({ method, path, status, code, field });
    }
    const operatorCases: [string, string, unknown, number, string, string?][] = [
      ['GET', '/operator/deliveries?status=lost', undefined, 400, 'VALIDATION_FAILED', 'status'],
      ['POST', `/operator/deliveries/${randomUUID()}/replay`, undefined, 404, 'DELIVERY_NOT_FOUND'],
      ['POST', '/operator/deliveries/replay', { channel: 'fax' }, 400, 'VALIDATION_FAILED', 'channel'],
      ['PUT', '/directory/organisations/bad id!', { name: 'x', role: 'district', emails: [] }, 400, 'VALIDATION_FAILED', 'orgId'],
      ['PUT', '/directory/organisations/org-x', { name: 'x', role: 'district', districtCode: '110101', emails: [] }, 400, 'VALIDATION_FAILED', 'districtCode'],
    ];
    for (const [method, path, body, status, code, field] of operatorCases) {
      const res = await http(method, api(path), { token: bureau, body });
      expect({ method, path, status: res.status, code: res.body?.code, field: res.body?.details?.field }).toEqual({ method, path, status, code, field });
    }
    const twice = [
      { category: 'project', channel: 'email', mode: 'off' },
      { category: 'project', channel: 'email', mode: 'digest' },
    ];
    const repeated = await http('PUT', api('/preferences'), { token: enterprise, body: { items: twice } });
    expect(repeated.status).toBe(200);
    expect(repeated.body.items).toContainEqual({ category: 'project', channel: 'email', mode: 'digest' });
    const malformed = await http('POST', api('/webhooks'), { token: enterprise, body: '{"url":', headers: { 'content-type': 'application/json' } });
    expect(malformed).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
    expect((await http('GET', api('/notifications'))).body.code).toBe('AUTH_REQUIRED');
    expect((await http('GET', api('/notifications/stream'))).body.code).toBe('AUTH_REQUIRED');
  });

  it('shows queue health in readiness and serves Bull Board to the bureau and admins only', async () => {
    const ready = await http('GET', `${app.url}/health/ready`, { token: bureau });
    expect(ready.status).toBe(200);
    expect(ready.body.info.queues).toMatchObject({ status: 'up', 'notify-inbox': expect.objectContaining({ failed: 0 }) });

    expect((await http('GET', `${app.url}/admin/queues`)).status).toBe(401);
    expect((await http('GET', `${app.url}/admin/queues`, { token: await mintToken(principals.team) })).body.code).toBe('AUTH_ROLE_FORBIDDEN');
    const page = await fetch(`${app.url}/admin/queues?access_token=${bureau}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    // The browser keeps the token in a cookie limited to the dashboard, which its API calls then carry.
    const cookie = page.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^jb_board=.*HttpOnly.*SameSite=Strict/i);
    expect(cookie).toContain('Path=/admin/queues');
    expect(cookie).not.toMatch(/;\s*Secure/i); // plain HTTP in tests; see board-auth.int-spec.ts for production
    const queues = await http('GET', `${app.url}/admin/queues/api/queues`, { headers: { cookie: cookie.split(';')[0] } });
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['notify-email', 'notify-inbox', 'notify-maintenance', 'notify-webhook']);
    // Read-only: a retry there would re-run parked jobs behind the deliveries table's back.
    expect(queues.body.queues.every((q: { readOnlyMode: boolean }) => q.readOnlyMode)).toBe(true);
    for (const path of ['/notify-webhook/retry/failed', '/notify-webhook/clean/failed', '/notify-inbox/pause']) {
      const refused = await http('PUT', `${app.url}/admin/queues/api/queues${path}`, { headers: { cookie: cookie.split(';')[0] } });
      expect({ path, status: refused.status }).toEqual({ path, status: 405 });
    }
  });
});
