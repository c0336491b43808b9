export * from './lib/case-markers';
export * from './lib/case-diagram';
export * from './lib/case-page';
export * from './lib/case-list-page';
