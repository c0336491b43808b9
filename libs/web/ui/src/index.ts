export * from './lib/warning-badge';
export * from './lib/due-date';
export * from './lib/problem-list';
export * from './lib/case-status-chip';
export * from './lib/variables-editor';
export * from './lib/event-timeline';
export * from './lib/event-labels';
export * from './lib/login-form';
