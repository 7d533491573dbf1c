import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';

const MAIN = resolve(__dirname, '../apps/notification-service/dist/main.js'); // compiled by `npm test` before jest runs

/**
 * A service started before its topics exist (broker auto-create is off) must stop with the list of missing topics
 * and the command that creates them, not die inside the consumer with kafkajs' "does not host this topic-partition".
 */
describe('a service started before its Kafka topics exist', () => {
  it('exits 1 naming the missing topics and how to create them, without a stack trace', () => {
    const namespace = `missing-${randomUUID().slice(0, 8)}`;
    const run = spawnSync(process.execPath, [MAIN], {
      env: { ...process.env, NODE_ENV: 'test', KAFKA_TOPIC_NAMESPACE: namespace, PORT: '39999' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`lacks 16 topic(s) this platform needs: ${namespace}.jiebang.enterprise, ${namespace}.jiebang.enterprise.dlq`);
    expect(run.stderr).toContain(`node tools/dist/topics.js --namespace ${namespace}`);
    expect(run.stderr).not.toMatch(/KafkaJSProtocolError|\n\s+at /);
  });
});
