import { Module } from '@nestjs/common';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { LiveFeed } from './live-feed';
import { NotificationStore } from './notification.store';
import { StreamSlots } from './stream-slots';

@Module({
  controllers: [InboxController],
  providers: [InboxService, NotificationStore, LiveFeed, StreamSlots],
  exports: [InboxService, LiveFeed],
})
export class InboxModule {}
