export * from './lib/operations-page';
export * from './lib/incident-repair';
