import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { STREAMS } from '@jiebang/contracts';

const CLI = resolve(__dirname, '../kafka/cli.sh');
const run = (...args: string[]) => spawnSync('bash', [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });

/** `npm run kafka`: Kafka's own admin tools (installed with the broker) answer against the real broker. */
describe('npm run kafka (Kafka command-line tools)', () => {
  it('lists the platform topics and describes every consumer group with its lag', () => {
    const topics = run('topics', '--list');
    expect(topics.status).toBe(0);
    expect(topics.stdout.split('\n')).toEqual(expect.arrayContaining(Object.values(STREAMS).map((s) => s.topic)));
    const groups = run('consumer-groups', '--describe', '--all-groups');
    expect(groups.status).toBe(0);
    expect(groups.stderr).not.toMatch(/Exception/);
  }, 240_000);

  it('says how to use it when the tool is unknown', () => {
    const unknown = run('reassign-everything');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('usage: npm run kafka -- <consumer-groups|topics|get-offsets>');
  });
});
