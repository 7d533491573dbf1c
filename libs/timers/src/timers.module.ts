import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TimerEnqueuer } from './timer.enqueuer';
import { TimerFiring } from './timer.firing';
import { TimerMetrics } from './timer.metrics';
import { TimerQueue } from './timer.queue';
import { TimerSweeper } from './timer.sweeper';
import { TimerWorker } from './timer.worker';
import { Timers } from './timers';
import { DEFAULT_TIMERS_OPTIONS, TIMERS_OPTIONS, type TimersOptions } from './timers-options';
import { loadWorkingCalendarFile } from './working-calendar.file';

export type TimersModuleOptions = Omit<TimersOptions, keyof typeof DEFAULT_TIMERS_OPTIONS> & Partial<TimersOptions>;

/** Durable timers for one service. Needs the service's TypeORM DataSource and the `timers` table (TIMERS_MIGRATIONS). */
@Global()
@Module({})
export class TimersModule {
  static forRoot(options: TimersModuleOptions): DynamicModule {
    if (options.workingCalendarFile) loadWorkingCalendarFile(options.workingCalendarFile);
    return {
      module: TimersModule,
      providers: [
        { provide: TIMERS_OPTIONS, useValue: { ...DEFAULT_TIMERS_OPTIONS, ...options } },
        TimerQueue,
        TimerEnqueuer,
        Timers,
        TimerFiring,
        TimerWorker,
        TimerSweeper,
        TimerMetrics,
      ],
      exports: [Timers, TimerQueue],
    };
  }
}
