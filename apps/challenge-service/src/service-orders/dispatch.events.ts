import { Injectable } from '@nestjs/common';
import { DISPATCH_EVENTS, type Envelope, type TeamRef } from '@jiebang/contracts';
import { RegistersHandlers, type HandlerRegistry, type HandlerSource } from '@jiebang/messaging';
import type { DispatchFact } from './dispatch-facts.domain';
import { DispatchFactsService } from './dispatch-facts.service';

/** The fields of dispatch facts the order's timeline needs; every fact's schema has a subset of them. */
interface DispatchData {
  team?: TeamRef | null;
  reason?: string;
  message?: string;
  summary?: string;
}

/** What the timeline says of a fact: its reason, an escalation's message, or a delivery's summary. */
export function toDispatchFact(event: Envelope): DispatchFact {
  const data = event.data as DispatchData;
  const escalated = event.type === 'dispatch.escalated';
  return {
    type: event.type,
    sequence: event.sequence,
    actor: event.actor,
    at: new Date(event.time),
    reason: (escalated ? data.message : (data.reason ?? data.summary)) ?? null,
    team: data.team ?? null,
    ...(escalated ? { escalation: data.reason } : {}),
  };
}

/** Thin consumer of the whole dispatch stream: every fact goes to the order it names, in sequence order. */
@Injectable()
@RegistersHandlers()
export class DispatchEvents implements HandlerSource {
  constructor(private readonly facts: DispatchFactsService) {}

  registerHandlers(registry: HandlerRegistry): void {
    for (const definition of DISPATCH_EVENTS) {
      registry.on(definition, (event, em) => this.facts.apply(em, event.subject, toDispatchFact(event), event));
    }
  }
}
