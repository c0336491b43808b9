export * from './lib/dashboard-page';
