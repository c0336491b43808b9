/** ts-jest, Node and the ES-module transform come from the workspace preset (jest.preset.js). */
module.exports = {
  displayName: 'bpmn-extensions',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/bpmn-extensions',
};
