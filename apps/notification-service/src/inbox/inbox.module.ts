import { Module } from '@nestjs/common';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { LiveFeed } from './live-feed';
import { StreamSlots } from './stream-slots';

@Module({ controllers: [InboxController], providers: [InboxService, LiveFeed, StreamSlots], exports: [InboxService, LiveFeed] })
export class InboxModule {}
