import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceKitModule } from '@jiebang/service-kit';
import { ChallengesModule } from './challenges/challenges.module';
import type { ChallengeConfig } from './config';
import { DATABASE } from './database';

@Module({})
export class AppModule {
  static forRoot(config: ChallengeConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceKitModule.forRoot({ service: 'challenge-service', config, database: DATABASE }), ChallengesModule],
    };
  }
}
