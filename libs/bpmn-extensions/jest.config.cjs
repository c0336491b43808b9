/** bpmn-moddle 10 and its dependencies ship as ES modules only: Babel turns them into CommonJS here. */
const esmPackages = ['bpmn-moddle', 'moddle', 'moddle-xml', 'saxen', 'min-dash'];

module.exports = {
  displayName: 'bpmn-extensions',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    '^.+\\.m?js$': ['babel-jest', { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  coverageDirectory: '../../coverage/libs/bpmn-extensions',
};
