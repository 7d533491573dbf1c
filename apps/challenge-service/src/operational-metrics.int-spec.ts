import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { challengeSubmittedV1 } from '@jiebang/contracts';
import { ConsumerHealth, KafkaEventServer, MessagingRuntime, Outbox } from '@jiebang/messaging';
import { deleteNamespace, eventually, freshDatabase, freshNamespace, http, produceRaw, startServiceApp, testEnv, type RunningApp } from '@jiebang/testing';
import { Timers } from '@jiebang/timers';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { loadConfig } from './config';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text format as a scraper reads it (one sample per line, comments skipped). */
function parseMetrics(text: string): Sample[] {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((line) => {
      const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line)!;
      const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
      return { name: m[1], labels, value: Number(m[3]) };
    });
}

const fixture = JSON.parse(readFileSync(resolve(__dirname, '../../../libs/contracts/fixtures/challenge.submitted.v1.json'), 'utf8'));
const ctx = { actor: { id: 'u-metrics', role: 'enterprise' as const }, correlationId: 'metrics-1' };

/**
 * The operational metrics on a running challenge-service's /metrics, each with a real value made the cheap way:
 * an unpublished outbox row while the relay is stopped, lag while the consumer is stopped, an armed timer and an
 * overdue one (its kind has no handler, so it cannot fire), the timer queue's jobs, and the relay's batch size.
 */
describe('operational metrics on /metrics (real Postgres, Redis, Kafka)', () => {
  let database: string;
  let namespace: string;
  let service: RunningApp;

  beforeAll(async () => {
    database = await freshDatabase('challenge');
    namespace = await freshNamespace();
    service = await startServiceApp(AppModule.forRoot(loadConfig(testEnv(database, namespace))));
  });

  afterAll(async () => {
    await service?.close();
    await deleteNamespace(namespace);
  });

  const scrape = async () => {
    const res = await http('GET', `${service.url}/metrics`);
    expect(res.status).toBe(200);
    return parseMetrics(String(res.body));
  };
  const find = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
    samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

  it('shows outbox age, consumer lag per partition, timers armed and overdue per kind, queue depth and batch sizes', async () => {
    const { app } = service;
    const runtime = app.get(MessagingRuntime);
    const ds = app.get<DataSource>(getDataSourceToken());
    await eventually(() => expect(app.get(ConsumerHealth).state).toBe('running'), 30_000);

    // Outbox: the relay stopped, one row waits.
    await runtime.relay.stop();
    await ds.transaction((em) => app.get(Outbox).append(em, challengeSubmittedV1, { subject: randomUUID(), sequence: 2, data: fixture.data }, ctx));

    // Lag: the consumer stopped, five messages arrive on a topic it consumes.
    await app.get(KafkaEventServer).stopConsuming();
    const topic = runtime.consumedTopics[0];
    const bare = topic.slice(namespace.length + 1);
    await produceRaw(namespace, bare, Array.from({ length: 5 }, (_, i) => ({ key: `k-${i}`, value: `{"n":${i}}` })));

    // Timers: one due in an hour, one past due of a kind nobody handles (it stays armed, retried, never fires).
    const timers = app.get(Timers);
    await ds.transaction(async (em) => {
      await timers.arm(em, { kind: 'metrics.later', subject: randomUUID(), dueAt: new Date(Date.now() + 3_600_000), ctx });
      await timers.arm(em, { kind: 'metrics.unhandled', subject: randomUUID(), dueAt: new Date(Date.now() - 60_000), ctx });
    });

    await new Promise((r) => setTimeout(r, 1_100)); // the oldest row is then at least a second old
    await runtime.sampleMetrics();
    const before = await scrape();

    const [age] = find(before, 'jiebang_outbox_oldest_unpublished_age_seconds', { source: 'challenge-service' });
    expect(age.value).toBeGreaterThanOrEqual(1);
    expect(find(before, 'jiebang_outbox_backlog', { source: 'challenge-service' })[0].value).toBe(1);

    const lag = find(before, 'jiebang_consumer_lag_messages', { group: `${namespace}.challenge-service`, topic });
    expect(lag.map((s) => s.labels.partition).sort()).toEqual(['0', '1', '2', '3']);
    expect(lag.reduce((sum, s) => sum + s.value, 0)).toBe(5);

    expect(find(before, 'jiebang_timers_armed', { kind: 'metrics.later' })[0].value).toBe(1);
    expect(find(before, 'jiebang_timers_overdue', { kind: 'metrics.later' })[0].value).toBe(0);
    expect(find(before, 'jiebang_timers_armed', { kind: 'metrics.unhandled' })[0].value).toBe(1);
    expect(find(before, 'jiebang_timers_overdue', { kind: 'metrics.unhandled' })[0].value).toBe(1);

    const timerQueue = find(before, 'jiebang_queue_jobs', { queue: 'timers-challenge-service' });
    expect(timerQueue.map((s) => s.labels.state)).toEqual(expect.arrayContaining(['waiting', 'active', 'delayed', 'failed', 'completed']));
    expect(find(before, 'jiebang_queue_jobs', { queue: 'timers-challenge-service', state: 'delayed' })[0].value).toBeGreaterThanOrEqual(1);

    // Batch sizes: the relay sends the waiting row in one batch; the histogram counts it and the age drops to 0.
    expect(await runtime.relay.drain()).toBe(1);
    await runtime.sampleMetrics();
    const after = await scrape();
    expect(find(after, 'jiebang_outbox_relay_batch_size_count', { source: 'challenge-service' })[0].value).toBeGreaterThanOrEqual(1);
    expect(find(after, 'jiebang_outbox_relay_batch_size_bucket', { source: 'challenge-service', le: '1' })[0].value).toBeGreaterThanOrEqual(1);
    expect(find(after, 'jiebang_outbox_oldest_unpublished_age_seconds', { source: 'challenge-service' })[0].value).toBe(0);
  }, 90_000);

  it("serves the AsyncAPI document of the platform's events at /asyncapi.json, without a token", async () => {
    const res = await http('GET', `${service.url}/asyncapi.json`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ asyncapi: '3.0.0', channels: { challenge: { address: 'jiebang.challenge' } } });
    expect(Object.keys(res.body.components.messages)).toContain('challenge.submitted.v1');
  });
});
