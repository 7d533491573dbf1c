import { fuzzRunningService, fuzzSettings } from '@jiebang/testing';
import { startMatching, type MatchingTestApp } from './testing/matching-app';
import { CASTING } from './testing/profiles';

// Every route of the OpenAPI document, valid and mutated input (libs/testing/src/fuzz): no 5xx, every 4xx the error
// body. FUZZ_SEED / FUZZ_RUNS widen it (`npm run fuzz`).
describe('matching-service under fuzzed input (real Postgres, Redis, Kafka)', () => {
  let app: MatchingTestApp;
  beforeAll(async () => {
    app = await startMatching();
  });
  afterAll(() => app?.stop());

  it('answers every request below 500, each 4xx with the error body and the field at fault', async () => {
    const report = await fuzzRunningService(app.url, { examples: { 'POST /api/v1/profiles': CASTING, 'PUT /api/v1/profiles/{id}': CASTING } });
    expect(report.failures.slice(0, 20)).toEqual([]);
  }, fuzzSettings().timeoutMs);
});
