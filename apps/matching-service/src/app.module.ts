import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceKitModule } from '@jiebang/service-kit';
import { ChallengesModule } from './challenges/challenges.module';
import type { MatchingConfig } from './config';
import { DATABASE } from './database';

@Module({})
export class AppModule {
  static forRoot(config: MatchingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceKitModule.forRoot({ service: 'matching-service', config, database: DATABASE }), ChallengesModule],
    };
  }
}
