export * from './lib/designer-page';
export * from './lib/blank-diagram';
export * from './lib/banjie-lint-rules';
