import { commonConfigSchema } from './common-config';
import { ConfigError, env, parseConfig } from './parse-config';

const schema = commonConfigSchema.extend({ PORT: env.port(3001), PGDATABASE: commonConfigSchema.shape.PGDATABASE.default('db') });

describe('parseConfig', () => {
  it('fills defaults, production-safe: no dev key, loopback only', () => {
    const config = parseConfig(schema, {});
    expect(config).toMatchObject({ PORT: 3001, KAFKA_BROKERS: ['127.0.0.1:9092'], PGDATABASE: 'db' });
    expect(config).toMatchObject({ NODE_ENV: 'production', HOST: '127.0.0.1' }); // secure unless told otherwise
  });

  it('lists every bad variable with its value, so one restart fixes them all', () => {
    let error: unknown;
    try {
      parseConfig(schema, { PORT: 'eighty', NODE_ENV: 'prod', KAFKA_TOPIC_NAMESPACE: 'Bad_NS' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT: .*\(got "eighty"\)/m);
    expect(problems).toMatch(/^NODE_ENV: .*\(got "prod"\)/m);
    expect(problems).toMatch(/^KAFKA_TOPIC_NAMESPACE: /m);
  });

  it('never echoes a value that may hold credentials', () => {
    let error: ConfigError | undefined;
    try {
      parseConfig(schema, { JWT_JWKS_URL: 'not a url with s3cret', PGPASSWORD: '' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.problems.join('\n')).toMatch(/^JWT_JWKS_URL: .*\(got a value of 21 characters, not shown\)$/m);
    expect(error?.message).not.toContain('s3cret');
  });

  it('splits lists', () => {
    expect(parseConfig(schema, { KAFKA_BROKERS: 'k1:9092, k2:9092' }).KAFKA_BROKERS).toEqual(['k1:9092', 'k2:9092']);
  });
});
