export * from './close-redis';
export * from './queue-readiness';
