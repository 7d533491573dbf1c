export * from './database';
export * from './enterprises';
export * from './eventually';
export * from './http';
export * from './kafka';
export * from './tokens';
export * from './redis';
