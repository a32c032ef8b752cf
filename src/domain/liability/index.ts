/** The liability engine's public face; see README.md for the contract. */
export * from './catalog.schema';
export * from './catalog';
export * from './facts.schema';
export * from './decision';
export * from './escalation';
export * from './evaluate';
export * from './input';
export type { UsedFact } from './derive';
export * from './json-schema';
