/** Unit tests of web-designer; see libs/web/jest-angular.cjs. */
// eslint-disable-next-line @nx/enforce-module-boundaries -- the shared Jest settings of libs/web belong to no project
const base = require('../jest-angular.cjs')('web-designer', '../../../coverage/libs/web/designer');

// The Banjie lint rules come from the engine and parse FEEL with feelin: its ESM packages are compiled for Jest.
const esmPackages = ['feelin', 'lezer-feel', '@lezer', '@camunda/feel-builtins', 'min-dash', 'temporal-polyfill', 'temporal-spec', 'temporal-utils'];
// The zone template spec runs the real bpmn-js modeler and the element templates core, with their ES module dependencies.
esmPackages.push('bpmn-js', 'diagram-js', 'diagram-js-direct-editing', '@bpmn-io/diagram-js-ui', 'min-dom', 'tiny-svg', 'didi', 'bpmn-moddle', 'moddle', 'moddle-xml', 'saxen', 'ids', 'path-intersection', 'object-refs', 'inherits-browser', 'preact', 'htm', '@bpmn-io/semver-compat', 'bpmn-js-element-templates', 'uuid', 'domify');

// Play (试运行) compiles the draft with the whole engine, which imports dmn-moddle.
esmPackages.push('dmn-moddle');

module.exports = { ...base, transformIgnorePatterns: [`node_modules/(?!(${esmPackages.join('|')})/|.*\\.mjs$)`] };
