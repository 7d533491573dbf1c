import { Module } from '@nestjs/common';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { ProjectsModule } from '../projects/projects.module';
import { ApplicationEvents } from './application.events';
import { AwardService } from './award.service';
import { ChallengeWriter } from './challenge.writer';
import { ChallengesController } from './challenges.controller';
import { ChallengesService } from './challenges.service';
import { DeadlineClock } from './deadline-clock';
import { DeadlineTimer } from './deadline.timer';
import { LifecycleController } from './lifecycle.controller';
import { TermsController } from './terms.controller';
import { TermsService } from './terms.service';
import { PublicationService } from './publication.service';
import { PublicNoticeClock } from './public-notice-clock';
import { PublicNoticeTimer } from './public-notice.timer';
import { ReviewEvents } from './review.events';
import { ReviewFactsService } from './review-facts.service';
import { VettingClock } from './vetting-clock';
import { VettingOverdueTimer } from './vetting-overdue.timer';
import { VettingService } from './vetting.service';
import { WithdrawalService } from './withdrawal.service';

@Module({
  imports: [EnterprisesModule, ProjectsModule],
  controllers: [ChallengesController, LifecycleController, TermsController],
  providers: [
    ChallengesService,
    ChallengeWriter,
    VettingClock,
    DeadlineClock,
    VettingOverdueTimer,
    DeadlineTimer,
    VettingService,
    PublicationService,
    WithdrawalService,
    TermsService,
    ApplicationEvents,
    PublicNoticeClock,
    AwardService,
    PublicNoticeTimer,
    ReviewFactsService,
    ReviewEvents,
  ],
  exports: [ChallengesService, ChallengeWriter, AwardService],
})
export class ChallengesModule {}
