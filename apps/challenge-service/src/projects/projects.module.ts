import { Module } from '@nestjs/common';
import { ProjectAwardService } from './project-award.service';
import { ProjectReadsController } from './project-reads.controller';
import { ProjectReadsService } from './project-reads.service';
import { ProjectWriter } from './project.writer';
import { ProjectsStore } from './projects.store';

@Module({
  controllers: [ProjectReadsController],
  providers: [ProjectsStore, ProjectWriter, ProjectAwardService, ProjectReadsService],
  exports: [ProjectAwardService],
})
export class ProjectsModule {}
