import { Module } from '@nestjs/common';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { LiveFeed } from './live-feed';

@Module({ controllers: [InboxController], providers: [InboxService, LiveFeed], exports: [InboxService, LiveFeed] })
export class InboxModule {}
