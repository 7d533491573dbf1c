import { Injectable } from '@nestjs/common';
import { RegistersHandlers, type HandlerRegistry, type HandlerSource } from '@jiebang/messaging';
import { CATALOGUE, SILENT_EVENTS } from '../catalogue/catalogue';
import { DeliveryPlanner } from './delivery.planner';

/** One handler per catalogue entry: the catalogue, not code, decides which events notify whom. */
@Injectable()
@RegistersHandlers()
export class NotificationEvents implements HandlerSource {
  constructor(private readonly planner: DeliveryPlanner) {}

  registerHandlers(registry: HandlerRegistry): void {
    for (const spec of CATALOGUE) {
      registry.on(spec.event, async (event, em) => {
        await this.planner.planEvent(em, spec, event);
      });
    }
    for (const { event } of SILENT_EVENTS) registry.ignore(event);
  }
}
