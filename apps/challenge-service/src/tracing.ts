import { startTracing } from '@jiebang/telemetry';

// Imported first by main.ts: the instrumentations must patch http, pg and ioredis before anything requires them.
startTracing('challenge-service');
