export * from './lib/inbox-page';
export * from './lib/task-workbench';
export * from './lib/task-form';
export * from './lib/case-record';
export * from './lib/task-reassign';
