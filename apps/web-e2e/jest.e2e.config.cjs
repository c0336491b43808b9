/**
 * The browser suite: the built api (serving the built web app) on a free port with a fresh data
 * dir, driven through Debian's Chromium by playwright-core. Named `jest.e2e.config.cjs` so the
 * Jest plugin infers no `test` target and `npm test` never runs it; `nx run web-e2e:e2e` does.
 */
module.exports = {
  displayName: 'web-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // the workspace's `@banjie/*` paths (tsconfig.base.json), as in every other project
  resolver: '@nx/jest/plugins/resolver',
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 120_000,
  maxWorkers: 1,
};
