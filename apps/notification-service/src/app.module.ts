import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceKitModule } from '@jiebang/service-kit';
import { NotificationsModule } from './notifications/notifications.module';
import type { NotificationConfig } from './config';
import { DATABASE } from './database';

@Module({})
export class AppModule {
  static forRoot(config: NotificationConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceKitModule.forRoot({ service: 'notification-service', config, database: DATABASE }), NotificationsModule],
    };
  }
}
