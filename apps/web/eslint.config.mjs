import webConfig from '../../libs/web/eslint.base.config.mjs';

export default [...webConfig];
