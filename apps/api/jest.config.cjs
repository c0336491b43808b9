/** ts-jest, Node and the ES-module transform come from the workspace preset (jest.preset.js). */
module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/api',
  testTimeout: 30000,
};
