import { Injectable, Logger } from '@nestjs/common';
import type { Envelope } from '@jiebang/contracts';
import type { EntityManager } from 'typeorm';
import { applyDispatchFact, type DispatchFact } from './dispatch-facts.domain';
import * as store from './service-order.store';
import { ServiceOrderWriter } from './service-order.writer';

/** Applies dispatch facts to the order's status and timeline, inside the inbox transaction. */
@Injectable()
export class DispatchFactsService {
  private readonly logger = new Logger('DispatchFacts');

  constructor(private readonly writer: ServiceOrderWriter) {}

  async apply(em: EntityManager, orderId: string, fact: DispatchFact, event: Envelope): Promise<void> {
    const current = await store.lockForUpdate(em, orderId);
    if (!current) {
      this.logger.warn(`${fact.type} for unknown service order ${orderId}: ignored`);
      return;
    }
    const result = applyDispatchFact(current, fact);
    if (result.applied) {
      const ctx = { actor: event.actor, correlationId: event.correlationId, causationId: event.id };
      await this.writer.record(em, current, result, ctx, undefined, event.id);
    } else if (result.why === 'not-applicable') {
      // The order moved on by its own command (cancelled meanwhile): only the sequence advances.
      await store.update(em, current, { ...current, dispatchSequence: result.state.dispatchSequence });
    }
  }
}
