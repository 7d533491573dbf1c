import { Injectable } from '@nestjs/common';
import { RegistersHandlers, type HandlerRegistry, type HandlerSource } from '@jiebang/messaging';
import { CATALOGUE } from './catalogue';
import { NotificationsService } from './notifications.service';

/** One handler per catalogue entry: the catalogue, not code, decides which events notify whom. */
@Injectable()
@RegistersHandlers()
export class NotificationEvents implements HandlerSource {
  constructor(private readonly notifications: NotificationsService) {}

  registerHandlers(registry: HandlerRegistry): void {
    for (const entry of CATALOGUE) {
      registry.on(entry.event, (event, em) => this.notifications.notify(entry, event, em));
    }
  }
}
