import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dump } from 'js-yaml';
import { ASYNCAPI_FILE, asyncApiDocument } from './document';

const ROOT = resolve(__dirname, '../../..');

/** The document as checked in: YAML, long lines kept whole so a diff shows the changed schema, not re-wrapping. */
export function asyncApiYaml(): string {
  const { version } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string };
  const header = '# Generated from libs/contracts by `npm run asyncapi`. Do not edit: change the contracts and regenerate.\n';
  return header + dump(asyncApiDocument(version), { lineWidth: -1, noRefs: true });
}

/**
 * `npm run asyncapi` writes docs/asyncapi.yaml; `--check` (in `npm test`) fails when the checked-in file is not what
 * the contracts describe, so a new event or changed schema cannot ship without its document.
 */
function main(): void {
  const file = resolve(ROOT, ASYNCAPI_FILE);
  const content = asyncApiYaml();
  let current: string | undefined;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (process.argv.includes('--check')) {
    if (current !== content) {
      console.error(`[jiebang] asyncapi:check: ${ASYNCAPI_FILE} is out of date with libs/contracts. Run \`npm run asyncapi\` and commit it.`);
      process.exit(1);
    }
    console.log('[jiebang] asyncapi:check: up to date');
    return;
  }
  if (current !== content) writeFileSync(file, content);
  console.log(`[jiebang] asyncapi: ${current === content ? 'nothing changed' : `wrote ${ASYNCAPI_FILE}`}`);
}

if (require.main === module) main();
