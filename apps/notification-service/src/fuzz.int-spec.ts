import { fuzzRunningService, fuzzSettings } from '@jiebang/testing';
import { startNotificationApp, type NotificationApp } from './testing/notification-app';

// Every route of the OpenAPI document, valid and mutated input (libs/testing/src/fuzz): no 5xx, every 4xx the error
// body. FUZZ_SEED / FUZZ_RUNS widen it (`npm run fuzz`).
describe('notification-service under fuzzed input (real Postgres, Redis, Kafka)', () => {
  let app: NotificationApp;
  beforeAll(async () => {
    app = await startNotificationApp();
  });
  afterAll(() => app?.close());

  it('answers every request below 500, each 4xx with the error body and the field at fault', async () => {
    const report = await fuzzRunningService(app.url);
    expect(report.failures.slice(0, 20)).toEqual([]);
  }, fuzzSettings().timeoutMs);
});
