export * from './delay.domain';
export * from './migrations/1764400000000-timers';
export * from './sla-clock.domain';
export * from './timer.domain';
export * from './timer.firing';
export * from './timer.handler';
export * from './timer.metrics';
export * from './timer.queue';
export * from './timer.readiness';
export * from './timer.sweeper';
export * from './timer.worker';
export * from './timers';
export * from './timers-options';
export * from './timers.module';
export * from './working-calendar.domain';
export * from './working-calendar.file';
export * from './working-days.domain';

import { Timers1764400000000 } from './migrations/1764400000000-timers';

/** Add these to the DataSource of every service that arms timers (the `timers` table has no entity: SQL only). */
export const TIMERS_MIGRATIONS = [Timers1764400000000];
