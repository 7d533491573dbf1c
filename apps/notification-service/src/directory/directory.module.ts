import { Module } from '@nestjs/common';
import { DirectoryController } from './directory.controller';
import { DirectoryEvents } from './directory.events';
import { DirectoryService } from './directory.service';
import { MemberStore } from './member.store';
import { OrganisationStore } from './organisation.store';
import { ProfileStore } from './profile.store';

@Module({
  controllers: [DirectoryController],
  providers: [DirectoryService, DirectoryEvents, OrganisationStore, MemberStore, ProfileStore],
  exports: [DirectoryService],
})
export class DirectoryModule {}
