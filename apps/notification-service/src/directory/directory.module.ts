import { Module } from '@nestjs/common';
import { DirectoryController } from './directory.controller';
import { DirectoryEvents } from './directory.events';
import { DirectoryService } from './directory.service';

@Module({ controllers: [DirectoryController], providers: [DirectoryService, DirectoryEvents], exports: [DirectoryService] })
export class DirectoryModule {}
