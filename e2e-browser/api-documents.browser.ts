import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, SERVICE_URLS, test } from './support/fixtures';

/**
 * The console's checked-in API types (npm run api:types builds them from preview-mode apps, without infrastructure)
 * are exactly what the running services serve at /docs-json.
 */
test('the generated API types match what the running services document', async () => {
  const { astToString, default: openapiTS } = await import('openapi-typescript');
  for (const [service, url] of Object.entries(SERVICE_URLS)) {
    const served = await (await fetch(`${url}/docs-json`)).json();
    const checkedIn = readFileSync(resolve(__dirname, `../apps/web-console/src/api/generated/${service}.d.ts`), 'utf8');
    expect(checkedIn.slice(checkedIn.indexOf('\n') + 1), service).toBe(astToString(await openapiTS(served)));
  }
});
