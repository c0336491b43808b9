/** ts-jest, Node and the ES-module transform come from the workspace preset (jest.preset.js). */
module.exports = {
  displayName: 'kurrentdb-tools',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/tools/kurrentdb',
};
