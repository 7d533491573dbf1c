import { deleteNamespace, freshDatabase, freshNamespace, http, mintToken, principals, startServiceApp, testEnv, type RunningApp } from '@jiebang/testing';
import { AppModule } from './app.module';
import { loadConfig } from './config';

/**
 * Rate limits (libs/service-kit, @nestjs/throttler with its counters in Redis): one budget per principal and one per
 * client address, shared by every instance of the service, answered with 429, Retry-After and the error body.
 */
describe('rate limits across two instances (real Redis, Postgres, Kafka)', () => {
  let database: string;
  let namespace: string;
  let instances: RunningApp[];

  beforeAll(async () => {
    database = await freshDatabase('challenge');
    namespace = await freshNamespace();
    const env = testEnv(database, namespace, { RATE_LIMIT_PER_PRINCIPAL: '3', RATE_LIMIT_PER_IP: '7', RATE_LIMIT_WINDOW_MS: '60000' });
    instances = [await startServiceApp(AppModule.forRoot(loadConfig(env))), await startServiceApp(AppModule.forRoot(loadConfig(env)))];
  });

  afterAll(async () => {
    for (const i of instances ?? []) await i.close();
    await deleteNamespace(namespace);
  });

  const list = (n: number, token: string) => http('GET', `${instances[n % 2].url}/api/v1/challenges`, { token });

  it('holds one budget per principal and one per address over both instances, and never limits the probes', async () => {
    const [enterprise, district, bureau] = await Promise.all([principals.enterprise, principals.district, principals.bureau].map((p) => mintToken(p)));
    for (let n = 0; n < 3; n++) expect((await list(n, enterprise)).status).toBe(200);
    const overPrincipal = await list(3, enterprise); // the 4th of this principal, on the other instance than the 3rd
    expect(overPrincipal).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED', details: { scope: 'principal', limit: 3, windowSeconds: 60 } } });
    expect(Number(overPrincipal.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(overPrincipal.body.message).toMatch(/请求过于频繁，请 \d+ 秒后再试/);

    for (let n = 0; n < 3; n++) expect((await list(n, district)).status).toBe(200); // requests 5–7 from this address
    const overAddress = await list(0, bureau); // a fresh principal, but the 8th request from the address
    expect(overAddress).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED', details: { scope: 'ip' } } });

    expect((await http('GET', `${instances[0].url}/health/ready`)).status).toBe(200);
    expect((await http('GET', `${instances[1].url}/metrics`)).status).toBe(200);
  });
});
