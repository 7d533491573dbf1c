import { deleteNamespace, freshDatabase, freshNamespace, fuzzRunningService, fuzzSettings, principals, startServiceApp, testEnv, verifiedEnterprise, type RunningApp } from '@jiebang/testing';
import { TimerQueue } from '@jiebang/timers';
import { AppModule } from './app.module';
import { loadConfig } from './config';

const EXAMPLES = {
  'POST /api/v1/challenges': {
    title: '压铸件气孔导致气密性不合格',
    description: '电池包壳体压铸件机加工后出现气孔。',
    fields: ['light-metal'],
    bountyYuan: 500_000,
    deadline: '2027-12-31',
  },
};

// Every route of the OpenAPI document, valid and mutated input (libs/testing/src/fuzz): no 5xx, every 4xx the error
// body. FUZZ_SEED / FUZZ_RUNS widen it (`npm run fuzz`).
describe('challenge-service under fuzzed input (real Postgres, Redis, Kafka)', () => {
  let namespace: string;
  let svc: RunningApp;
  beforeAll(async () => {
    namespace = await freshNamespace();
    svc = await startServiceApp(AppModule.forRoot(loadConfig(testEnv(await freshDatabase('challenge'), namespace))));
    await verifiedEnterprise(svc.url, principals.enterprise); // so valid 榜单 drafts get created and later routes reach rows
  });
  afterAll(async () => {
    await svc?.app.get(TimerQueue).queue.obliterate({ force: true });
    await svc?.close();
    await deleteNamespace(namespace);
  });

  it('answers every request below 500, each 4xx with the error body and the field at fault', async () => {
    const report = await fuzzRunningService(svc.url, { examples: EXAMPLES });
    expect(report.failures.slice(0, 20)).toEqual([]);
  }, fuzzSettings().timeoutMs);
});
