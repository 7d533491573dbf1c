import { Module, type DynamicModule } from '@nestjs/common';
import { queuePrefix, READINESS_CHECKS, ServiceKitModule } from '@jiebang/service-kit';
import { TimerQueue, timerReadiness, TimersModule } from '@jiebang/timers';
import { ChallengesModule } from './challenges/challenges.module';
import { EnterprisesModule } from './enterprises/enterprises.module';
import { PublicListingModule } from './public-listing/public-listing.module';
import { QuestionsModule } from './questions/questions.module';
import { ObjectionsModule } from './objections/objections.module';
import { ServiceOrdersModule } from './service-orders/service-orders.module';
import { CHALLENGE_CONFIG, type ChallengeConfig } from './config';
import { DATABASE } from './database';
import { ProjectsModule } from './projects/projects.module';

@Module({})
class ChallengeConfigModule {}

@Module({})
export class AppModule {
  static forRoot(config: ChallengeConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        { module: ChallengeConfigModule, global: true, providers: [{ provide: CHALLENGE_CONFIG, useValue: config }], exports: [CHALLENGE_CONFIG] },
        ServiceKitModule.forRoot({
          service: 'challenge-service',
          config,
          database: DATABASE,
          readinessChecks: { provide: READINESS_CHECKS, inject: [TimerQueue], useFactory: (q: TimerQueue) => [timerReadiness(q)] },
        }),
        TimersModule.forRoot({
          service: 'challenge-service',
          redisUrl: config.REDIS_URL,
          prefix: queuePrefix(config),
          sweepIntervalMs: config.TIMER_SWEEP_INTERVAL_MS,
          workingCalendarFile: config.WORKING_CALENDAR_FILE,
        }),
        EnterprisesModule,
        ChallengesModule,
        PublicListingModule,
        QuestionsModule,
        ObjectionsModule,
        ProjectsModule,
        ServiceOrdersModule,
      ],
    };
  }
}
