const { createCjsPreset } = require('jest-preset-angular/presets');

/**
 * Jest settings shared by the Angular projects of `scope:web`: jsdom, zoneless Angular via
 * jest-preset-angular, and Nx's resolver so `@banjie/*` path aliases resolve. bpmn-js, form-js
 * and the properties panel are ESM browser code: specs mock them (TOOLCHAIN.md pitfall 4) and the
 * browser suite in `apps/web-e2e` covers real rendering.
 *
 * @param {string} displayName the project name shown in Jest's output
 * @param {string} coverageDirectory where coverage goes, relative to the project root
 */
// Dates show in China Standard Time, as the clerks see them; workers inherit this.
process.env.TZ = 'Asia/Shanghai';

module.exports = function angularJestConfig(displayName, coverageDirectory) {
  return {
    displayName,
    ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' }),
    resolver: '@nx/jest/plugins/resolver',
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
    setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
    coverageDirectory,
  };
};
