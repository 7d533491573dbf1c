import { Module } from '@nestjs/common';
import { ApplicationEvents } from './application.events';
import { MilestonesController } from './milestones.controller';
import { MilestonesService } from './milestones.service';
import { ProjectAwardService } from './project-award.service';
import { ProjectContractsService } from './project-contracts.service';
import { ProjectDecisionsController } from './project-decisions.controller';
import { ProjectDecisionsService } from './project-decisions.service';
import { ProjectReadsController } from './project-reads.controller';
import { ProjectReadsService } from './project-reads.service';
import { ProjectTermination } from './project-termination';
import { ProjectWriter } from './project.writer';
import { ProjectsStore } from './projects.store';
import { ReviewClock } from './review-clock';
import { ReviewOverdueTimer } from './review-overdue.timer';

@Module({
  controllers: [ProjectReadsController, MilestonesController, ProjectDecisionsController],
  providers: [
    ProjectsStore,
    ProjectWriter,
    ReviewClock,
    ProjectTermination,
    ProjectAwardService,
    ProjectReadsService,
    ProjectContractsService,
    ApplicationEvents,
    MilestonesService,
    ReviewOverdueTimer,
    ProjectDecisionsService,
  ],
  exports: [ProjectAwardService],
})
export class ProjectsModule {}
