const nxPreset = require('@nx/jest/preset').default;

/**
 * The Jest preset of every Node project (`preset: '<…>/jest.preset.js'`): Nx's preset on Node,
 * TypeScript through ts-jest with the project's `tsconfig.spec.json`, and Babel's CommonJS
 * module transform for the packages below, which ship as ES modules only (bpmn-moddle 10 and
 * its parser, FEEL through feelin and lezer-feel, temporal-polyfill). A project config adds only
 * its `displayName`, `coverageDirectory` and what is truly its own.
 *
 * The Angular projects do not use this preset: they build theirs with jest-preset-angular in
 * `libs/web/jest-angular.cjs`.
 */
const esmPackages = ['bpmn-moddle', 'dmn-moddle', 'moddle', 'moddle-xml', 'saxen', 'min-dash', 'feelin', 'lezer-feel', 'temporal-polyfill', 'temporal-spec', 'temporal-utils', '@lezer'];

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    '^.+\\.m?js$': ['babel-jest', { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};
