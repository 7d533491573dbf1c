import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** Proves the boundaries in eslint.config.mjs are enforced at error, not decorative (CONVENTIONS.md rule 9). */
describe('module boundaries (eslint + Nx project graph)', () => {
  beforeAll(() => {
    // The Nx rule reads the cached project graph; without one it would skip silently.
    execFileSync(process.execPath, [resolve(ROOT, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], { cwd: ROOT, env: { ...process.env, NX_DAEMON: 'false' } });
  }, 120_000);

  // The CLI, as `npm run lint` runs it (ESLint loads its ESM config by dynamic import, which jest's VM cannot do).
  const errorsOf = async (file: string, code: string) => {
    const run = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', file, '--format', 'json'], {
      cwd: ROOT,
      input: code,
      encoding: 'utf8',
    });
    const [result] = JSON.parse(run.stdout) as { messages: { severity: number; ruleId: string; message: string }[] }[];
    return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
  };

  it('keeps NestJS, TypeORM, Kafka and BullMQ out of libs/contracts', async () => {
    const errors = await errorsOf('libs/contracts/src/probe.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n");
    expect(errors.join('\n')).toMatch(/enforce-module-boundaries/);
  });

  it('forbids a library from importing a service', async () => {
    const errors = await errorsOf('libs/messaging/src/probe.ts', "import { AppModule } from '@jiebang/challenge-service';\nexport const x = AppModule;\n");
    expect(errors.join('\n')).toMatch(/enforce-module-boundaries/);
  });

  it('forbids a service from importing another service', async () => {
    const errors = await errorsOf('apps/notification-service/src/probe.ts', "import { AppModule } from '@jiebang/challenge-service';\nexport const x = AppModule;\n");
    expect(errors.join('\n')).toMatch(/enforce-module-boundaries/);
  });

  it('keeps test helpers out of production code but lets test files use them', async () => {
    const code = "import { freshDatabase } from '@jiebang/test-infra';\nexport const x = freshDatabase;\n";
    expect((await errorsOf('libs/service-kit/src/probe.ts', code)).join('\n')).toMatch(/enforce-module-boundaries/);
    expect(await errorsOf('libs/service-kit/src/probe.int-spec.ts', code)).toEqual([]);
  });

  it('keeps framework and I/O imports out of domain files', async () => {
    const errors = await errorsOf('apps/challenge-service/src/challenges/probe.domain.ts', "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n");
    expect(errors.join('\n')).toMatch(/no-restricted-imports/);
  });

  it('keeps the web console to contracts: no service, no server library, no zod in the browser bundle', async () => {
    const file = 'apps/web-console/src/probe.tsx';
    expect((await errorsOf(file, "import { configureHttp } from '@jiebang/service-kit';\nexport const x = configureHttp;\n")).join('\n')).toMatch(/enforce-module-boundaries/);
    expect((await errorsOf(file, "import { AppModule } from '@jiebang/challenge-service';\nexport const x = AppModule;\n")).join('\n')).toMatch(/enforce-module-boundaries/);
    expect((await errorsOf(file, "import { z } from 'zod';\nexport const x = z;\n")).join('\n')).toMatch(/enforce-module-boundaries/);
    expect(await errorsOf(file, "import { ROLE_LABELS } from '@jiebang/contracts';\nexport const x = ROLE_LABELS;\n")).toEqual([]);
  });

  it('accepts the allowed direction', async () => {
    expect(await errorsOf('apps/challenge-service/src/probe.ts', "import { STREAMS } from '@jiebang/contracts';\nexport const x = STREAMS;\n")).toEqual([]);
  });
});
