export * from './lib/api';
export * from './lib/filled-form';
