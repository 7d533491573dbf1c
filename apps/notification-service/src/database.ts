import type { ServiceDatabase } from '@jiebang/service-kit';
import { Notifications1764201900000 } from './migrations/1764201900000-notifications';
import { Notification } from './notifications/notification.entity';

export const DATABASE: ServiceDatabase = {
  entities: [Notification],
  migrations: [Notifications1764201900000],
};
