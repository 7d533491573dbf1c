import type { Principal } from '@jiebang/contracts';
import { mintToken, principals } from '@jiebang/test-infra';
import { fuzzSettings } from './fuzz-settings';
import { describeReport, fuzzDocument, type FuzzOptions, type FuzzReport, type OpenApiDocument } from './openapi-fuzz';

const ADMIN: Principal = { sub: 'u-admin-1', role: 'admin', orgId: 'org-admin' };

/**
 * Fuzzes a running service from its own OpenAPI document (served at /docs-json), calling each route as a role it
 * accepts (`x-roles`), and prints the requests sent per route. The caller asserts on `failures`.
 */
export async function fuzzRunningService(url: string, options: Pick<FuzzOptions, 'skip' | 'concurrency' | 'examples'> = {}): Promise<FuzzReport> {
  const document = (await (await fetch(`${url}/docs-json`)).json()) as OpenApiDocument;
  const callers: Principal[] = [...Object.values(principals), ADMIN];
  const tokens: Record<string, string> = {};
  for (const p of callers) tokens[p.role] ??= await mintToken(p);
  const { seed, runs } = fuzzSettings();
  const report = await fuzzDocument({ baseUrl: url, document, tokens, seed, runs, ...options });
  process.stdout.write(`fuzz seed ${seed}, ${runs} generated cases per route\n${describeReport(report)}\n`);
  return report;
}
