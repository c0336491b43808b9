/** Unit tests of the web shell (routes, login page); see libs/web/jest-angular.cjs. */
// eslint-disable-next-line @nx/enforce-module-boundaries -- the shared Jest settings of libs/web belong to no project
module.exports = require('../../libs/web/jest-angular.cjs')('web', '../../coverage/apps/web');
