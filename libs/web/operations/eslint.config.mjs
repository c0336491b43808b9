import webConfig from '../eslint.base.config.mjs';

export default [...webConfig];
