/** Case manifests: canonical JSON, the manifest schema, building and encoding. */
export * from './canonical-json';
export * from './manifest.schema';
export * from './manifest';
