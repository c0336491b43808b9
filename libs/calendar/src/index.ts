export * from './lib/working-calendar';
