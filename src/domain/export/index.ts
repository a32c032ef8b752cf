/** Export files: unsent cases with their photos, to hand over and import elsewhere. */
export * from '../base64';
export * from './export.schema';
export * from './bundle';
export * from './sealed-file';
