export * from './json-schema';
export * from './mutations';
export * from './openapi-fuzz';
export * from './send';
export * from './fuzz-settings';
export * from './fuzz-service';
