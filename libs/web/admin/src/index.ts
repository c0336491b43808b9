export * from './lib/calendar-admin-page';
