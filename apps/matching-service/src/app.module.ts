import { Module, type DynamicModule } from '@nestjs/common';
import { queuePrefix, READINESS_CHECKS, ServiceKitModule, type ReadinessCheck } from '@jiebang/service-kit';
import { TimerQueue, timerReadiness, TimersModule } from '@jiebang/timers';
import { AssignmentModule } from './assignment/assignment.module';
import { AssignmentQueue } from './assignment/assignment.queue';
import { ChallengesModule } from './challenges/challenges.module';
import { MATCHING_CONFIG, type MatchingConfig } from './config';
import { DispatchModule } from './dispatch/dispatch.module';
import { ApplicationsModule } from './applications/applications.module';
import { DATABASE } from './database';
import { ProfilesModule } from './profiles/profiles.module';
import { EngineModule } from './ranking/engine.module';
import { ProfileIndexSync } from './ranking/profile-index.sync';
import { RankingModule } from './ranking/ranking.module';
import { ReviewsModule } from './reviews/reviews.module';

@Module({})
class MatchingConfigModule {}

/**
 * Not ready until the index holds every profile (a half-built index would rank as if candidates did not exist), nor
 * while its listener is down (changes would go unseen until the reconnect's rebuild).
 */
function indexReadiness(sync: ProfileIndexSync): ReadinessCheck {
  return {
    name: 'matchingIndex',
    check: async () => ({ up: sync.healthy, details: { ...sync.lastRebuild, sync: { ...sync.counters } } }),
  };
}

@Module({})
export class AppModule {
  static forRoot(config: MatchingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        { module: MatchingConfigModule, global: true, providers: [{ provide: MATCHING_CONFIG, useValue: config }], exports: [MATCHING_CONFIG] },
        ServiceKitModule.forRoot({
          service: 'matching-service',
          config,
          database: DATABASE,
          readinessChecks: {
            provide: READINESS_CHECKS,
            inject: [ProfileIndexSync, AssignmentQueue, TimerQueue],
            useFactory: (sync: ProfileIndexSync, queue: AssignmentQueue, timers: TimerQueue) => [
              indexReadiness(sync),
              queue.readiness(),
              timerReadiness(timers),
            ],
          },
        }),
        TimersModule.forRoot({
          service: 'matching-service',
          redisUrl: config.REDIS_URL,
          prefix: queuePrefix(config),
          sweepIntervalMs: config.TIMER_SWEEP_INTERVAL_MS,
          workingCalendarFile: config.WORKING_CALENDAR_FILE,
        }),
        EngineModule,
        ProfilesModule,
        RankingModule,
        ChallengesModule,
        AssignmentModule,
        DispatchModule,
        ApplicationsModule,
        ReviewsModule,
      ],
    };
  }
}
