import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { EmailModule } from '../email/email.module';
import { InboxModule } from '../inbox/inbox.module';
import { PreferencesModule } from '../preferences/preferences.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { DeliveryChannels } from './delivery.channels';
import { DeliveryEnqueuer } from './delivery.enqueuer';
import { DeliveryPlanner } from './delivery.planner';
import { DeliveryProcessor } from './delivery.processor';
import { DeliveryStore } from './delivery.store';
import { DeliverySweeper } from './delivery.sweeper';
import { DeliveryWorkers } from './delivery.workers';
import { NotificationEvents } from './notification.events';

@Module({
  imports: [DirectoryModule, PreferencesModule, WebhooksModule, InboxModule, EmailModule],
  providers: [
    DeliveryStore,
    DeliveryPlanner,
    DeliveryEnqueuer,
    DeliveryChannels,
    DeliveryProcessor,
    DeliveryWorkers,
    DeliverySweeper,
    NotificationEvents,
  ],
  exports: [DeliveryPlanner, DeliveryStore],
})
export class DeliveriesModule {}
