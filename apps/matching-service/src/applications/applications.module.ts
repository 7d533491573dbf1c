import { Module } from '@nestjs/common';
import { ApplicationChallengeEvents } from './application.events';
import { ApplicationStore } from './application.store';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { FormalCheckService } from './formal-check.service';
import { ReviewRoundStore } from './review-round.store';
import { SigningService } from './signing.service';

@Module({
  controllers: [ApplicationsController],
  providers: [ApplicationStore, ReviewRoundStore, ApplicationsService, FormalCheckService, SigningService, ApplicationChallengeEvents],
  exports: [ApplicationStore, ReviewRoundStore],
})
export class ApplicationsModule {}
