export * from './lib/api-workflow.module';
export * from './lib/calendar/calendar-book';
export * from './lib/jobs/job-workers/job-worker';
export * from './lib/jobs/job-workers/job-workers';
export * from './lib/tasks/complete-task/form-variables';
export * from './lib/timers/timer-scheduler/timer-scheduler';
export * from './lib/timers/timer-starts/timer-starts';
export * from './lib/workflow-runtime';
