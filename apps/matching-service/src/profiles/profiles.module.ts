import { Module } from '@nestjs/common';
import { ProfilesController } from './profiles.controller';
import { ProfilesService } from './profiles.service';
import { ProfileStore } from './profile.store';
import { ProfileRecordsService } from './profile-records.service';
import { ProjectEvents } from './project.events';

/**
 * No consumer of `jiebang.profile` here: this service is the stream's only producer, and each of its events would
 * find its change already applied. Every instance's index follows Postgres instead (profile-index.sync.ts). The
 * project stream's endings are recorded on the solver's profile (profile-records.service.ts).
 */
@Module({
  controllers: [ProfilesController],
  providers: [ProfilesService, ProfileStore, ProfileRecordsService, ProjectEvents],
  // Dispatch writes a team's open load through the same store (the capacity path).
  exports: [ProfileStore],
})
export class ProfilesModule {}
