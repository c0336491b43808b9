import nx from '@nx/eslint-plugin';
import baseConfig from '../../eslint.config.mjs';

/**
 * Lint config shared by the web app and the `libs/web/*` projects: the workspace rules (module
 * boundaries), Angular's recommended rules for code and templates, and the `bj` selector prefix.
 */
export default [
  ...baseConfig,
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'bj', style: 'camelCase' }],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'bj', style: 'kebab-case' }],
    },
  },
];
