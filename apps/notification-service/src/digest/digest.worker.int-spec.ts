import { eventually, http, mintToken, query } from '@jiebang/testing';
import { DeliveryQueues } from '../queues/delivery.queues';
import { startSmtpSink, type SmtpSink } from '../testing/smtp-sink';
import { districtOffice, publish, startNotificationApp, submitted, type NotificationApp } from '../testing/notification-app';
import { DIGEST_SCHEDULER } from './digest.worker';

/**
 * The digest as its job scheduler runs it. A scheduler creates each job when the previous one runs, so the job's
 * timestamp is a period old by the time it runs; what it folds in must be what is waiting when it runs.
 */
describe('daily digest run by its job scheduler', () => {
  let app: NotificationApp;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    app = await startNotificationApp({ SMTP_URL: smtp.url });
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('folds in the notices that arrived after the job was created and before it ran', async () => {
    const api = (path: string) => `${app.url}/api/v1${path}`;
    const office = await mintToken(districtOffice('500116'));
    await http('PUT', api('/directory/my-organisation'), { token: office, body: { emails: ['kjj-500116@example.cq.gov.cn'] } });
    await http('PUT', api('/preferences'), { token: office, body: { items: [{ category: 'challenge', channel: 'email', mode: 'digest' }] } });

    // The scheduler's next job is created now (a short period on this test's own queue prefix), and held.
    const queue = app.app.get(DeliveryQueues).maintenance;
    await queue.pause();
    await queue.upsertJobScheduler(DIGEST_SCHEDULER, { every: 1_000 }, { name: DIGEST_SCHEDULER });
    const job = await eventually(async () => {
      const jobs = await queue.getJobs(['wait', 'delayed', 'prioritized']);
      expect(jobs.map((j) => j.name)).toEqual([DIGEST_SCHEDULER]);
      return jobs[0];
    });

    // Then the day's notices arrive, and wait as digest rows.
    const events = [submitted('500116', '合川桃片自动包装'), submitted('500116', '钓鱼城景区客流预测')];
    await publish(app.namespace, 'challenge', ...events);
    await eventually(async () => {
      const rows = await query(
        app.database,
        `SELECT id FROM deliveries WHERE source_id = ANY($1) AND channel = 'email' AND status = 'digest'`,
        [events.map((e) => e.id)],
      );
      expect(rows).toHaveLength(2);
    });

    await queue.resume();
    const ran = await eventually(async () => {
      const j = (await queue.getJob(job.id!))!;
      expect(await j.getState()).toBe('completed');
      return j;
    });
    // That very run took them: its cutoff is when it ran, not when it was created.
    expect(ran.returnvalue).toEqual({ organisations: 1, notices: 2 });
    const digests = await query<{ source_id: string }>(
      app.database,
      `SELECT source_id FROM deliveries WHERE id IN (SELECT digest_id FROM deliveries WHERE source_id = ANY($1) AND status = 'digested')`,
      [events.map((e) => e.id)],
    );
    expect(digests.map((d) => d.source_id)).toEqual([`digest:org-district-500116:district:${new Date(ran.processedOn!).toISOString()}`]);
    const mail = await eventually(() => {
      const mails = smtp.mails.filter((m) => m.to.includes('kjj-500116@example.cq.gov.cn'));
      expect(mails).toHaveLength(1);
      return mails[0];
    });
    expect(mail.subject).toMatch(/每日通知摘要（\d{4}-\d{2}-\d{2}，共 2 条）$/);
  });
});
