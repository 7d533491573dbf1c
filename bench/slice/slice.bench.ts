import { Client } from 'pg';
import { mintToken, pgConnection, principals, query, startSystem, verifiedEnterprise } from '@jiebang/testing';
import { kafkaRoundTripFloor, pgCommitFloor } from '../support/floors';
import { machine, ms, percentiles, table } from '../support/stats';

/**
 * End-to-end latency of the foundation slice: HTTP 200 of `POST /challenges/:id/submit` → the bureau's notification
 * row committed in notification-service's database (seen through a NOTIFY trigger this benchmark installs in its
 * own throwaway database, so the commit moment is observed, not polled). Requests are offered at a steady rate
 * (open loop: the schedule does not wait for answers). Floors measured in the same run: a raw single-row Postgres
 * commit and a raw kafkajs produce→consume round trip on the same broker.
 *
 *   npm run bench:slice -- [--rate 50] [--seconds 20]
 */
const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const RATE = Number(args.rate ?? 50);
const SECONDS = Number(args.seconds ?? 20);

async function main(): Promise<void> {
  console.log(`slice benchmark on ${machine()}; offered ${RATE} submits/s for ${SECONDS} s`);
  const system = await startSystem();
  try {
    const token = await mintToken(principals.enterprise);
    await verifiedEnterprise(system.urls.challenge, principals.enterprise);
    const base = `${system.urls.challenge}/api/v1/challenges`;
    const total = RATE * SECONDS;
    const warmup = Math.min(200, RATE * 3); // JIT, connection pools, TypeORM metadata: measured apart, then dropped
    const drafts: string[] = [];
    for (let i = 0; i < total + warmup; i++) {
      const res = await fetch(base, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: `基准测试榜单 ${i}`, description: '压铸件气孔', bountyYuan: 100_000, deadline: '2027-12-31' }),
      });
      drafts.push(((await res.json()) as { id: string }).id);
    }

    const listener = new Client(pgConnection(system.databases.notification));
    await listener.connect();
    await listener.query(`CREATE OR REPLACE FUNCTION bench_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('bench_notifications', row_to_json(NEW)::text); RETURN NULL; END $$`);
    await listener.query(`CREATE TRIGGER bench_notify AFTER INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION bench_notify()`);
    await listener.query('LISTEN bench_notifications');
    const acked = new Map<string, number>();
    const committed = new Map<string, number>();
    const done = new Promise<void>((resolve) => {
      listener.on('notification', (n) => {
        const id = /\/challenges\/([0-9a-f-]{36})/.exec(n.payload ?? '')?.[1];
        if (id && !committed.has(id)) committed.set(id, performance.now());
        if (committed.size === total + warmup) resolve();
      });
    });

    const httpLatencies: number[] = [];
    const started = performance.now();
    const sent = new Map<string, number>();
    const submit = async (id: string, i: number) => {
      const t0 = performance.now();
      sent.set(id, t0);
      const res = await fetch(`${base}/${id}/submit`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`submit answered ${res.status}`);
      const t1 = performance.now();
      if (i >= warmup) httpLatencies.push(t1 - t0);
      acked.set(id, t1);
    };
    const requests = drafts.map(
      (id, i) =>
        new Promise<void>((resolve, reject) => setTimeout(() => submit(id, i).then(resolve, reject), (i * 1000) / RATE)),
    );
    await Promise.all(requests);
    await Promise.race([done, new Promise((r) => setTimeout(r, 60_000))]);
    const elapsed = (performance.now() - started) / 1000 - warmup / RATE;
    // All moments are stamped on this process's clock. The event path can beat the HTTP answer back to this
    // process, so "200 → committed" can be negative; "sent → committed" cannot, and bounds it from above.
    const measured = drafts.slice(warmup);
    const since = (from: Map<string, number>) =>
      measured.flatMap((id) => (from.has(id) && committed.has(id) ? [committed.get(id)! - from.get(id)!] : []));
    const latencies = since(acked);
    const endToEnd = since(sent);
    const beforeAnswer = latencies.filter((l) => l < 0).length;
    await listener.end();

    const stored = await query(system.databases.notification, `SELECT count(*)::int AS n FROM notifications WHERE category = 'challenge'`);
    const slice = percentiles(latencies);
    const whole = percentiles(endToEnd);
    const http = percentiles(httpLatencies);
    const pg = await pgCommitFloor(system.databases.notification);
    const kafka = await kafkaRoundTripFloor();
    console.log();
    table([
      ['measure', 'n', 'p50', 'p99', 'max'],
      ['slice: HTTP 200 → notification committed', slice.n, ms(slice.p50), ms(slice.p99), ms(slice.max)],
      ['slice: request sent → notification committed', whole.n, ms(whole.p50), ms(whole.p99), ms(whole.max)],
      ['  (HTTP submit itself)', http.n, ms(http.p50), ms(http.p99), ms(http.max)],
      ['floor: raw pg single-row commit', pg.n, ms(pg.p50), ms(pg.p99), ms(pg.max)],
      ['floor: raw kafkajs produce→consume', kafka.n, ms(kafka.p50), ms(kafka.p99), ms(kafka.max)],
    ]);
    console.log(
      `\n${warmup} warm-up submits dropped; ${total} submits offered at ${RATE}/s over ${elapsed.toFixed(1)} s; ` +
        `${stored[0].n} notification rows stored; ${beforeAnswer} notices committed before their HTTP answer arrived; ` +
        `slice p50 = ${(whole.p50 / (pg.p50 * 2 + kafka.p50)).toFixed(1)} × (2 commits + 1 broker hop)`,
    );
  } finally {
    await system.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
