import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { DISTRICTS, namespacedTopic, STREAMS } from '@jiebang/contracts';
import { deleteNamespace, freshDatabase, freshNamespace, kafka, mintToken, query } from '@jiebang/test-infra';
import Redis from 'ioredis';
import { machine, ms, percentiles, table } from '../support/stats';
import { bullmqFloor } from './bullmq-floor';
import { startNotificationService } from './service';

/**
 * Notices per second through the in-app and webhook channels, and event → inbox latency, of notification-service
 * running as its own process (Kafka → inbox transaction → deliveries → BullMQ → channel), beside BullMQ's raw
 * add → complete on the same Redis in the same run. Every `challenge.submitted` yields four deliveries that count
 * here: an in-app notice and a webhook call each for the bureau and for the district office (e-mail is skipped:
 * no contacts are registered). Webhooks go to a local receiver that answers 200 at once.
 *
 *   npm run bench:notifications -- [--rate 40] [--seconds 15] [--burst 2000] [--concurrency 16]
 *
 * Phase 1 offers `rate` events/s for `seconds` (open loop) and reports latencies; phase 2 produces `burst` events at
 * once and reports throughput.
 */
const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const RATE = Number(args.rate ?? 40);
const SECONDS = Number(args.seconds ?? 15);
const BURST = Number(args.burst ?? 2000);
const CONCURRENCY = Number(args.concurrency ?? 16);

const FIXTURE = JSON.parse(readFileSync(resolve(__dirname, '../../libs/contracts/fixtures/challenge.submitted.v1.json'), 'utf8'));

function event(i: number) {
  const district = DISTRICTS[i % DISTRICTS.length].code;
  return { ...FIXTURE, id: randomUUID(), subject: randomUUID(), time: new Date().toISOString(), data: { ...FIXTURE.data, districtCode: district, title: `基准测试榜单 ${i}` } };
}

async function main(): Promise<void> {
  console.log(`notification benchmark on ${machine()}; ${RATE} events/s for ${SECONDS} s, then a burst of ${BURST}`);
  const database = await freshDatabase('notification');
  const namespace = await freshNamespace();
  const hookTimes: number[] = [];
  const hookLatency: number[] = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      hookTimes.push(Date.now());
      hookLatency.push(Date.now() - Date.parse(JSON.parse(body).occurredAt));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const service = await startNotificationService({ PGDATABASE: database, KAFKA_TOPIC_NAMESPACE: namespace, DELIVERY_CONCURRENCY: String(CONCURRENCY) });
  const producer = kafka().producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const topic = namespacedTopic(namespace, STREAMS.challenge.topic);
  const send = (events: ReturnType<typeof event>[]) =>
    producer.send({ topic, acks: -1, messages: events.map((e) => ({ key: e.subject, value: JSON.stringify(e) })) });

  try {
    const offices = [{ sub: 'bench-bureau', role: 'bureau', orgId: 'org-bureau' }, ...DISTRICTS.map((d) => ({ sub: `bench-${d.code}`, role: 'district', orgId: `org-district-${d.code}`, districtCode: d.code }))];
    for (const p of offices) {
      const res = await fetch(`${service.url}/api/v1/webhooks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await mintToken(p as never)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ url: hookUrl, categories: ['challenge'] }),
      });
      if (res.status !== 201) throw new Error(`webhook registration failed: ${await res.text()}`);
    }
    const countNotices = async () => Number((await query<{ n: string }>(database, 'SELECT count(*) AS n FROM notifications'))[0].n);
    const waitFor = async (notices: number, hooks: number) => {
      while ((await countNotices()) < notices || hookTimes.length < hooks) await new Promise((r) => setTimeout(r, 100));
    };

    // Warm-up (JIT, pools, consumer group assignment): measured apart, then dropped.
    await send(Array.from({ length: 200 }, (_, i) => event(i)));
    await waitFor(400, 400);
    const warm = { notices: await countNotices(), hooks: hookTimes.length };

    // Phase 1: steady offered rate, latency.
    const since = new Date();
    const total = RATE * SECONDS;
    for (let i = 0; i < total; i++) {
      const at = since.getTime() + (i * 1000) / RATE;
      await new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));
      void send([event(i)]);
    }
    await waitFor(warm.notices + 2 * total, warm.hooks + 2 * total);
    // deliveries.created_at is the start of the event's inbox transaction: it splits the path at the consumer.
    const stages = await query<{ total: number; consumer: number; pipeline: number }>(
      database,
      `SELECT extract(epoch FROM n.delivered_at - n.created_at) * 1000 AS total,
              extract(epoch FROM d.created_at - n.created_at) * 1000 AS consumer,
              extract(epoch FROM n.delivered_at - d.created_at) * 1000 AS pipeline
       FROM notifications n JOIN deliveries d ON d.id = n.id WHERE n.created_at >= $1`,
      [since],
    );
    const inboxLatency = stages.map((r) => Number(r.total));
    const webhookLatency = hookLatency.slice(warm.hooks);

    // Phase 2: a burst, throughput.
    const before = { notices: await countNotices(), hooks: hookTimes.length };
    const t0 = Date.now();
    for (let i = 0; i < BURST; i += 500) await send(Array.from({ length: Math.min(500, BURST - i) }, (_, j) => event(i + j)));
    await waitFor(before.notices + 2 * BURST, before.hooks + 2 * BURST);
    const lastInbox = (await query<{ t: Date }>(database, 'SELECT max(delivered_at) AS t FROM notifications'))[0].t.getTime();
    const inboxPerSecond = (2 * BURST) / ((lastInbox - t0) / 1000);
    const webhookPerSecond = (2 * BURST) / ((hookTimes[hookTimes.length - 1] - t0) / 1000);

    const floor = await bullmqFloor(`bench-floor-${namespace}`, 1000, 2 * BURST, CONCURRENCY);

    const inbox = percentiles(inboxLatency);
    const toConsumer = percentiles(stages.map((r) => Number(r.consumer)));
    const pipeline = percentiles(stages.map((r) => Number(r.pipeline)));
    const hooks = percentiles(webhookLatency);
    console.log('');
    table([
      ['measure', 'n', 'p50', 'p99', 'max', 'throughput'],
      ['event → in-app notice (Kafka, inbox tx, BullMQ, insert)', inbox.n, ms(inbox.p50), ms(inbox.p99), ms(inbox.max), `${inboxPerSecond.toFixed(0)} notices/s`],
      ['  of which: event → its inbox transaction begins (Kafka)', toConsumer.n, ms(toConsumer.p50), ms(toConsumer.p99), ms(toConsumer.max), ''],
      ['  of which: transaction → job → notice stored', pipeline.n, ms(pipeline.p50), ms(pipeline.p99), ms(pipeline.max), ''],
      ['event → webhook received (… BullMQ, signed POST)', hooks.n, ms(hooks.p50), ms(hooks.p99), ms(hooks.max), `${webhookPerSecond.toFixed(0)} notices/s`],
      ['floor: BullMQ no-op add → completed', floor.latency.n, ms(floor.latency.p50), ms(floor.latency.p99), ms(floor.latency.max), `${floor.perSecond.toFixed(0)} jobs/s`],
    ]);
    console.log(`\nlatencies at ${RATE} events/s offered (2 notices and 2 webhook calls each); throughput from a burst of ${BURST} events; worker concurrency ${CONCURRENCY} per queue`);
  } finally {
    await producer.disconnect();
    await service.stop();
    receiver.close();
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const keys = await redis.keys(`jiebang-${namespace}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await deleteNamespace(namespace);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
