import { Module } from '@nestjs/common';
import { ProfileEvents } from './profile.events';
import { ProfilesController } from './profiles.controller';
import { ProfilesProjection } from './profiles.projection';
import { ProfilesService } from './profiles.service';

@Module({
  controllers: [ProfilesController],
  providers: [ProfilesService, ProfilesProjection, ProfileEvents],
})
export class ProfilesModule {}
