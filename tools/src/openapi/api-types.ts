import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { consoleApiFiles } from './console-api';

const ROOT = resolve(__dirname, '../../..');

/**
 * `npm run api:types` regenerates the console's typed API clients from the services' own OpenAPI documents;
 * `npm run api:check` (in `npm test`) fails when the checked-in files are not what the services describe, so a
 * changed API that breaks the console fails the build at the console's typecheck, not in a user's browser.
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [path, content] of await consoleApiFiles()) {
    const file = resolve(ROOT, path);
    let current: string | undefined;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === content) continue;
    stale.push(path);
    if (!check) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
  if (check && stale.length > 0) {
    console.error(`[jiebang] api:check: out of date with the services' OpenAPI documents:\n  ${stale.join('\n  ')}\nRun \`npm run api:types\`, then fix the console where its typecheck fails.`);
    process.exit(1);
  }
  console.log(`[jiebang] api:${check ? 'check: up to date' : `types: ${stale.length ? `wrote ${stale.join(', ')}` : 'nothing changed'}`}`);
}

main().catch((e) => {
  console.error(`[jiebang] api types: ${(e as Error).stack}`);
  process.exit(1);
});
