export * from './lib/working-calendar';
export * from './lib/create-working-calendar';
export * from './lib/legal-clock-pause';
export * from './lib/calendar-errors';
export { statutoryHolidayTable, type StatutoryHolidayTable } from './lib/statutory-holiday-table';
export * from './lib/national-calendar';
export { statutoryDaysOff, statutoryHolidays, type StatutoryHoliday } from './lib/statutory-law';
