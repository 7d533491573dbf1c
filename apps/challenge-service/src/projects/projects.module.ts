import { Module } from '@nestjs/common';
import { ApplicationEvents } from './application.events';
import { ProjectAwardService } from './project-award.service';
import { ProjectContractsService } from './project-contracts.service';
import { ProjectReadsController } from './project-reads.controller';
import { ProjectReadsService } from './project-reads.service';
import { ProjectTermination } from './project-termination';
import { ProjectWriter } from './project.writer';
import { ProjectsStore } from './projects.store';
import { ReviewClock } from './review-clock';

@Module({
  controllers: [ProjectReadsController],
  providers: [ProjectsStore, ProjectWriter, ReviewClock, ProjectTermination, ProjectAwardService, ProjectReadsService, ProjectContractsService, ApplicationEvents],
  exports: [ProjectAwardService],
})
export class ProjectsModule {}
