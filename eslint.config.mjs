import nx from '@nx/eslint-plugin';

/**
 * Module boundaries of ARCHITECTURE.md, enforced: a forbidden import fails `npm test`.
 * The engine (type:domain) may import no framework, no Node IO and no store.
 */
const nodeIo = ['fs', 'fs/*', 'node:*', 'path', 'http', 'https', 'net', 'child_process', 'worker_threads', 'os', 'crypto'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/out-tsc', '**/node_modules', '**/.angular', '**/vite.config.*.timestamp*'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.cjs', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:ui', 'type:data-access', 'type:util', 'type:domain'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:ui', 'type:data-access', 'type:util', 'type:domain'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util', 'type:domain'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:domain'] },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:util'],
              bannedExternalImports: ['@nestjs/*', '@angular/*', 'better-sqlite3', '@kurrent/*', 'express', 'rxjs', 'pino', ...nodeIo],
            },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
          ],
        },
      ],
    },
  },
  {
    // Shared libs run in the browser and in replay: no Node IO (the module-boundary rule
    // above does not see Node's built-in modules, so they are named here).
    files: ['libs/{engine,calendar,contracts,bpmn-extensions}/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**', '**/bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: nodeIo, message: 'Shared libs (engine, calendar, contracts, bpmn-extensions) must not use Node IO.' }] },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/testing/**/*.ts', '**/*.bench.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
