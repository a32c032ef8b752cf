/** The public face of the domain core; see README.md for the contract. */
export * from './ids';
export * from './result';
export * from './case/case-state';
export * from './case/case.schema';
export * from './case/vehicle.schema';
export * from './case/party.schema';
export * from './case/photo.schema';
export * from './case/case';
