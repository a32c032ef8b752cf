export * from './lenient-list.schema';
export * from './starter-list';
export * from './eligibility';
