/** Outbox decisions: what a failure means and when to try again. */
export * from './classify-failure';
export * from './backoff';
export * from './server-change';
