/** Jest runs the TypeScript sources directly (swc), so tests never depend on a stale build. */
const packages = ['core', 'scanner', 'verify', 'gate', 'attribution', 'metrics', 'cli'];
const actions = ['kit', 'model-scan', 'verify-signature', 'promotion-gate', 'ai-tag', 'suite'];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2023' }, module: { type: 'es6' }, sourceMaps: 'inline' },
    ],
  },
  moduleNameMapper: {
    ...Object.fromEntries(packages.map((p) => [`^@trustgate/${p}$`, `<rootDir>/packages/${p}/src/index.ts`])),
    ...Object.fromEntries(actions.map((a) => [`^@trustgate/action-${a}$`, `<rootDir>/actions/${a}/src/index.ts`])),
    '^@trustgate/core/base$': '<rootDir>/packages/core/src/base.ts',
    '^@trustgate/metrics/store$': '<rootDir>/packages/metrics/src/store/index.ts',
    '^@trustgate/scanner/local$': '<rootDir>/packages/scanner/src/local.ts',
    '^@trustgate/app$': '<rootDir>/app/src/index.ts',
    '^@trustgate/app/serve$': '<rootDir>/app/src/serve.ts',
    // @actions/workflow-parser imports its schema JSON without an import attribute (written for bundlers).
    '^\\.\\./(workflow|action)-v1\\.0\\.min\\.json$': '<rootDir>/test/support/runner/schema/$1-v1.0.min.cjs',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: [
    '<rootDir>/packages/*/test/**/*.test.ts',
    '<rootDir>/actions/*/test/**/*.test.ts',
    '<rootDir>/app/test/**/*.test.ts',
    '<rootDir>/test/**/*.test.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/lib/'],
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
  maxWorkers: 2,
  testTimeout: 60_000,
};
