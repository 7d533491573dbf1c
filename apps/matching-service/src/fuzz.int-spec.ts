import { fuzzRunningService } from '@jiebang/testing';
import { startMatching, type MatchingTestApp } from './testing/matching-app';

// Every route of the OpenAPI document, valid and mutated input (libs/testing/src/fuzz): no 5xx, every 4xx the error
// body. FUZZ_SEED / FUZZ_RUNS widen it (`npm run fuzz`).
describe('matching-service under fuzzed input (real Postgres, Redis, Kafka)', () => {
  let app: MatchingTestApp;
  beforeAll(async () => {
    app = await startMatching();
  });
  afterAll(() => app?.stop());

  it('answers every request below 500, each 4xx with the error body and the field at fault', async () => {
    const report = await fuzzRunningService(app.url);
    expect(report.failures.slice(0, 20)).toEqual([]);
  });
});
