export * from './lib/my-applications-page';
export * from './lib/application-card';
export * from './lib/application-view';
export * from './lib/new-application';
export * from './lib/service-rating';
export * from './lib/flow-reading';
