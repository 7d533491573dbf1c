import { Injectable } from '@nestjs/common';
import { eventKey } from '@jiebang/contracts';
import { RegistersHandlers, type HandlerRegistry, type HandlerSource } from '@jiebang/messaging';
import { CATALOGUE, SILENT_EVENTS } from '../catalogue/catalogue';
import type { NoticeSpec } from '../catalogue/notice';
import { DeliveryPlanner } from './delivery.planner';

/** One handler per catalogued event type, planning all its notices: the catalogue, not code, decides who hears. */
@Injectable()
@RegistersHandlers()
export class NotificationEvents implements HandlerSource {
  constructor(private readonly planner: DeliveryPlanner) {}

  registerHandlers(registry: HandlerRegistry): void {
    const byEvent = new Map<string, NoticeSpec[]>();
    for (const spec of CATALOGUE) {
      const key = eventKey(spec.event.type, spec.event.version);
      byEvent.set(key, [...(byEvent.get(key) ?? []), spec]);
    }
    for (const specs of byEvent.values()) {
      registry.on(specs[0].event, async (event, em) => {
        await this.planner.planEvent(em, specs, event);
      });
    }
    for (const { event } of SILENT_EVENTS) registry.ignore(event);
  }
}
