import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

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

  it('keeps redis-kit below the libraries that use it, so it can never close a cycle with them', async () => {
    const errors = await errorsOf('libs/redis-kit/src/probe.ts', "import { REDIS } from '@jiebang/service-kit';\nexport const x = REDIS;\n");
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

  it('keeps framework and I/O imports out of a service engine, in every file of its folder', async () => {
    const nest = await errorsOf('apps/matching-service/src/engine/probe.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n");
    expect(nest.join('\n')).toMatch(/no-restricted-imports/);
    const typeorm = await errorsOf('apps/matching-service/src/engine/assignment/probe.ts', "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n");
    expect(typeorm.join('\n')).toMatch(/no-restricted-imports/);
    expect(await errorsOf('apps/matching-service/src/engine/probe.ts', "import { z } from 'zod';\nexport const x = z;\n")).toEqual([]);
  });

  it('fails on two files that import each other', async () => {
    // Both files must exist: the rule follows the imports on disk.
    const dir = mkdtempSync(resolve(ROOT, 'tools/src/cycle-probe-'));
    try {
      writeFileSync(join(dir, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
      const a = "import { b } from './b';\nexport const a = () => b;\n";
      writeFileSync(join(dir, 'a.ts'), a);
      expect(await errorsOf(relative(ROOT, join(dir, 'a.ts')), a)).toEqual(['import-x/no-cycle: Dependency cycle detected']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
