import { Module } from '@nestjs/common';
import { ApplicationChallengeEvents } from './application.events';
import { ApplicationStore } from './application.store';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { FormalCheckService } from './formal-check.service';
import { ReviewRoundStore } from './review-round.store';

@Module({
  controllers: [ApplicationsController],
  providers: [ApplicationStore, ReviewRoundStore, ApplicationsService, FormalCheckService, ApplicationChallengeEvents],
  exports: [ApplicationStore, ReviewRoundStore],
})
export class ApplicationsModule {}
