export * from './lib/calendar-admin-page';
export * from './lib/users-admin-page';
export * from './lib/change-password-page';
