/** Outbox decisions: when parts fall due, what a pass sends, what a failure means and when to try again. */
export * from './entry';
export * from './due';
export * from './plan';
export * from './outcome';
export * from './classify-failure';
export * from './backoff';
export * from './server-change';
