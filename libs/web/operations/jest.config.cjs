/** Unit tests of web-operations; see libs/web/jest-angular.cjs. */
// eslint-disable-next-line @nx/enforce-module-boundaries -- the shared Jest settings of libs/web belong to no project
module.exports = require('../jest-angular.cjs')('web-operations', '../../../coverage/libs/web/operations');
