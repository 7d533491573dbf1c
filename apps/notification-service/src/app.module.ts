import { Module, type DynamicModule } from '@nestjs/common';
import { READINESS_CHECKS, ServiceKitModule } from '@jiebang/service-kit';
import { NOTIFICATION_CONFIG, type NotificationConfig } from './config';
import { database } from './database';
import { DashboardModule } from './dashboard/dashboard.module';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { DigestModule } from './digest/digest.module';
import { DirectoryModule } from './directory/directory.module';
import { InboxModule } from './inbox/inbox.module';
import { OperatorModule } from './operator/operator.module';
import { PreferencesModule } from './preferences/preferences.module';
import { DeliveryQueues } from './queues/delivery.queues';
import { QueuesModule } from './queues/queues.module';
import { queueReadiness } from './queues/queue.readiness';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({})
class NotificationConfigModule {}

@Module({})
export class AppModule {
  static forRoot(config: NotificationConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        {
          module: NotificationConfigModule,
          global: true,
          providers: [{ provide: NOTIFICATION_CONFIG, useValue: config }],
          exports: [NOTIFICATION_CONFIG],
        },
        ServiceKitModule.forRoot({
          service: 'notification-service',
          config,
          database: database(config),
          readinessChecks: { provide: READINESS_CHECKS, inject: [DeliveryQueues], useFactory: (q: DeliveryQueues) => [queueReadiness(q)] },
        }),
        QueuesModule,
        DirectoryModule,
        PreferencesModule,
        WebhooksModule,
        InboxModule,
        DeliveriesModule,
        DigestModule,
        OperatorModule,
        DashboardModule,
      ],
    };
  }
}
