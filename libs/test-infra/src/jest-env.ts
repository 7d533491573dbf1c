// Runs before every integration and e2e test file: real local endpoints, quiet logs, generous timeouts.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL ??= 'error';
process.env.KAFKA_BROKERS ??= '127.0.0.1:9092';
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
jest.setTimeout(90_000);
