export * from './lib/descriptor';
