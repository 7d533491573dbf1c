// One jest run for every tier: unit (*.spec.ts), integration (*.int-spec.ts, real Postgres/Redis/Kafka) and
// end-to-end (e2e/, the three services as processes). `npm test` runs them all; `--selectProjects unit` narrows.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

// ESM-only packages jest (on Node 20) cannot require: transformed to CommonJS like our own code.
const ESM_PACKAGES = ['jose'];

const base = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': swc,
    '^.+\\.m?js$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper: {
    '^@jiebang/(contracts|messaging|redis-kit|service-kit|telemetry|testing|test-infra|timers)$': '<rootDir>/libs/$1/src/index.ts',
  },
  rootDir: __dirname,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

module.exports = {
  // One id per run keeps concurrent runs' test databases apart; teardown drops them.
  globalSetup: '<rootDir>/libs/test-infra/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/test-infra/src/global-teardown.ts',
  rootDir: __dirname,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools,bench}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'],
      setupFiles: ['<rootDir>/libs/test-infra/src/jest-env.ts'],
      slowTestThreshold: 30,
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
      setupFiles: ['<rootDir>/libs/test-infra/src/jest-env.ts'],
      slowTestThreshold: 60,
    },
  ],
};
