export * from './sw-messages';
