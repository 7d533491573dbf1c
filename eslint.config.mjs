// Lint is about boundaries first: which project may import which (Nx tags, enforced at error), no framework in
// contracts or in domain files, then the TypeScript recommended rules.
import nx from '@nx/eslint-plugin';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const INFRASTRUCTURE = ['@nestjs/*', 'typeorm', 'typeorm/*', 'kafkajs', 'bullmq', 'ioredis', 'pg', 'express'];

const TEST_FILES = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/src/testing/**/*.ts'];

/** Who may import whom. Production code never reaches the test libraries; `withTests` opens them to test files. */
function constraints(withTests) {
  const test = withTests ? ['type:test-infra', 'type:testing'] : [];
  const infra = withTests ? ['type:test-infra'] : [];
  return [
    { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'], bannedExternalImports: INFRASTRUCTURE },
    { sourceTag: 'type:messaging', onlyDependOnLibsWithTags: ['type:contracts', 'type:telemetry', ...infra] },
    // Tracing sits below everything that carries a trace (messaging, service-kit, apps), so it depends on no other lib.
    { sourceTag: 'type:telemetry', onlyDependOnLibsWithTags: [...infra] },
    // Redis and BullMQ plumbing sits below everything that opens a connection, so it depends on no other lib.
    { sourceTag: 'type:redis-kit', onlyDependOnLibsWithTags: [...infra] },
    { sourceTag: 'type:service-kit', onlyDependOnLibsWithTags: ['type:contracts', 'type:messaging', 'type:redis-kit', 'type:telemetry', ...infra] },
    { sourceTag: 'type:timers', onlyDependOnLibsWithTags: ['type:contracts', 'type:messaging', 'type:redis-kit', ...infra] },
    { sourceTag: 'type:test-infra', onlyDependOnLibsWithTags: ['type:contracts'], bannedExternalImports: ['@nestjs/*', 'typeorm'] },
    { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:test-infra', 'type:service-kit', 'type:contracts'] },
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:messaging', 'type:redis-kit', 'type:service-kit', 'type:timers', 'type:telemetry', ...test] },
    { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:contracts', 'type:messaging', 'type:service-kit', ...infra] },
    { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:testing', 'type:test-infra', 'type:contracts'] },
    // Benchmarks drive the engines they measure directly, so they may reach into a service's code.
    {
      sourceTag: 'type:bench',
      onlyDependOnLibsWithTags: ['type:contracts', 'type:test-infra', 'type:testing', 'type:service-kit', 'type:messaging', 'type:app'],
    },
    // A service never imports another service: they share only contracts and talk over Kafka and HTTP.
    { sourceTag: 'scope:challenge', onlyDependOnLibsWithTags: ['scope:challenge', 'scope:shared'] },
    { sourceTag: 'scope:matching', onlyDependOnLibsWithTags: ['scope:matching', 'scope:shared'] },
    { sourceTag: 'scope:notification', onlyDependOnLibsWithTags: ['scope:notification', 'scope:shared'] },
    // The web console runs in browsers: it may share contracts (it reads generated files instead, keeping zod out of
    // the bundle), never a service, a server library or the infrastructure.
    { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['type:contracts'], bannedExternalImports: [...INFRASTRUCTURE, 'zod'] },
  ];
}

const boundaries = (withTests) => ['error', { enforceBuildableLibDependency: false, depConstraints: constraints(withTests) }];

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', 'tools/kafka/**', '.run/**', 'coverage/**', 'apps/web-console/src/api/generated/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': boundaries(false),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  { files: TEST_FILES, rules: { '@nx/enforce-module-boundaries': boundaries(true) } },
  { files: ['apps/web-console/src/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
  {
    // No import cycles between files either (Nx sees only cycles between projects). Imports resolve as tsc resolves
    // them, with tsconfig.spec.json's paths to each library's sources; packages in node_modules are not walked (that
    // doubled the lint's time). The plugin skips `import type`: only cycles that exist at run time are reported.
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.spec.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Domain files are rules only, and a service's engine/ folder is a pure calculation: no framework, no I/O
    // (CONVENTIONS.md rule 2 and "a pure calculation gets its own folder").
    files: ['**/*.domain.ts', 'apps/*/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: INFRASTRUCTURE.map((group) => ({ group: [group], message: 'domain files and engines take no framework or I/O imports' })) },
      ],
    },
  },
];
