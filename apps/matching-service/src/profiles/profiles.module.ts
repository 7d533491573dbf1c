import { Module } from '@nestjs/common';
import { ProfilesController } from './profiles.controller';
import { ProfilesService } from './profiles.service';
import { ProfileStore } from './profile.store';

/**
 * No consumer of `jiebang.profile` here: this service is the stream's only producer, and each of its events would
 * find its change already applied. Every instance's index follows Postgres instead (profile-index.sync.ts).
 */
@Module({
  controllers: [ProfilesController],
  providers: [ProfilesService, ProfileStore],
  // Dispatch writes a team's open load through the same store (the capacity path).
  exports: [ProfileStore],
})
export class ProfilesModule {}
