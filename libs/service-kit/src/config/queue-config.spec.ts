import { commonConfigSchema } from './common-config';
import { parseConfig } from './parse-config';
import { queueConfigSchema, queuePrefix } from './queue-config';

const schema = commonConfigSchema.extend({ PGDATABASE: commonConfigSchema.shape.PGDATABASE.default('db'), ...queueConfigSchema.shape });
const loadConfig = (environment: NodeJS.ProcessEnv) => parseConfig(schema, environment);

describe('queue configuration', () => {
  it('keeps the BullMQ keys of each topic namespace apart', () => {
    expect(queuePrefix(loadConfig({}))).toBe('jiebang');
    expect(queuePrefix(loadConfig({ KAFKA_TOPIC_NAMESPACE: 't1' }))).toBe('jiebang-t1');
    expect(queuePrefix(loadConfig({ KAFKA_TOPIC_NAMESPACE: 't1', QUEUE_PREFIX: 'staging' }))).toBe('staging');
  });

  it('refuses a prefix Redis keys would not keep apart', () => {
    expect(() => loadConfig({ QUEUE_PREFIX: 'a:b' })).toThrow(/QUEUE_PREFIX: letters, digits, "-" and "_" only/);
  });
});
