import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { kafka, pgConnection } from '@jiebang/test-infra';
import { percentiles } from './stats';

/** The floor under any event path: one autocommitted single-row INSERT, fsync on, measured sequentially. */
export async function pgCommitFloor(database: string, n = 1000) {
  const db = new Client(pgConnection(database));
  await db.connect();
  await db.query('CREATE TABLE IF NOT EXISTS bench_floor (id bigserial PRIMARY KEY, payload jsonb NOT NULL)');
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await db.query('INSERT INTO bench_floor (payload) VALUES ($1)', [JSON.stringify({ i })]);
    samples.push(performance.now() - t);
  }
  await db.query('DROP TABLE bench_floor');
  await db.end();
  return percentiles(samples);
}

/** The floor of one hop through the broker: kafkajs produce (acks=all) → the consumer's eachMessage, sequential. */
export async function kafkaRoundTripFloor(n = 500) {
  const k = kafka();
  const topic = `bench.floor.${randomUUID()}`;
  const admin = k.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  const producer = k.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = k.consumer({ groupId: topic, maxWaitTimeInMs: 100 });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topic, fromBeginning: true });
  let arrived: (() => void) | undefined;
  await consumer.run({ eachMessage: async () => arrived?.() });
  await new Promise((r) => setTimeout(r, 1000)); // group joined
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const got = new Promise<void>((r) => (arrived = r));
    const t = performance.now();
    await producer.send({ topic, acks: -1, messages: [{ key: 'k', value: String(i) }] });
    await got;
    samples.push(performance.now() - t);
  }
  await Promise.all([consumer.disconnect(), producer.disconnect()]);
  await admin.deleteTopics({ topics: [topic] });
  await admin.disconnect();
  return percentiles(samples);
}
