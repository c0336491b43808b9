/** Unit tests of web-applicant; see libs/web/jest-angular.cjs. */
// eslint-disable-next-line @nx/enforce-module-boundaries -- the shared Jest settings of libs/web belong to no project
module.exports = require('../jest-angular.cjs')('web-applicant', '../../../coverage/libs/web/applicant');
