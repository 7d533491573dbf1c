// Lint is about boundaries first: which project may import which (Nx tags, enforced at error), no framework in
// contracts or in domain files, then the TypeScript recommended rules.
import nx from '@nx/eslint-plugin';
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
    { sourceTag: 'type:messaging', onlyDependOnLibsWithTags: ['type:contracts', ...infra] },
    { sourceTag: 'type:service-kit', onlyDependOnLibsWithTags: ['type:contracts', 'type:messaging', ...infra] },
    { sourceTag: 'type:timers', onlyDependOnLibsWithTags: ['type:contracts', 'type:messaging', ...infra] },
    { sourceTag: 'type:test-infra', onlyDependOnLibsWithTags: ['type:contracts'], bannedExternalImports: ['@nestjs/*', 'typeorm'] },
    { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:test-infra', 'type:service-kit', 'type:contracts'] },
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:messaging', 'type:service-kit', 'type:timers', ...test] },
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
    // Domain files are rules only: no framework, no I/O (CONVENTIONS.md rule 2).
    files: ['**/*.domain.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: INFRASTRUCTURE.map((group) => ({ group: [group], message: 'domain files take no framework or I/O imports' })) }] },
  },
];
