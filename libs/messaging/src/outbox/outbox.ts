import { randomUUID } from 'node:crypto';
import {
  envelopeSchema,
  STREAMS,
  type Actor,
  type DataOf,
  type Envelope,
  type EventDefinition,
  type EventOf,
  type ServiceName,
} from '@jiebang/contracts';
import { captureTraceContext, inSpan, SpanKind } from '@jiebang/telemetry';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';

/** Who asked and under which request: carried into every envelope the command produces. */
export interface CommandContext {
  actor: Actor;
  correlationId: string;
  /** The event that caused this command, when a consumer or timer issues it. */
  causationId?: string | null;
}

/** Raised when a service tries to publish data its own contract rejects: a bug, so the business transaction fails. */
export class EventContractError extends Error {
  constructor(
    readonly eventType: string,
    readonly issues: string,
  ) {
    super(`event ${eventType} violates its contract: ${issues}`);
    this.name = 'EventContractError';
  }
}

export interface NewEvent<D extends EventDefinition> {
  subject: string;
  /** The aggregate's version after this change. */
  sequence: number;
  data: DataOf<D>;
}

/**
 * Appends events to the outbox through the caller's EntityManager, so they commit or roll back with the state
 * change. Use cases never talk to Kafka; the relay does.
 */
export class Outbox {
  constructor(
    private readonly source: ServiceName,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async append<D extends EventDefinition>(
    em: EntityManager,
    definition: D,
    event: NewEvent<D>,
    ctx: CommandContext,
  ): Promise<EventOf<D>> {
    const data = definition.data.safeParse(event.data);
    if (!data.success) throw new EventContractError(definition.type, z.prettifyError(data.error));
    const envelope: Envelope = {
      id: randomUUID(),
      type: definition.type,
      version: definition.version,
      source: this.source,
      subject: event.subject,
      sequence: event.sequence,
      time: this.now().toISOString(),
      correlationId: ctx.correlationId,
      causationId: ctx.causationId ?? null,
      actor: ctx.actor,
      data: data.data,
    };
    const checked = envelopeSchema.safeParse(envelope);
    if (!checked.success) throw new EventContractError(definition.type, z.prettifyError(checked.error));
    const topic = STREAMS[definition.stream].topic;
    // The row keeps the trace context of this append (a child of the request's or handler's span), so the relay,
    // publishing later from its own loop, continues the same trace. Null with tracing off.
    await inSpan(`outbox append ${envelope.type}`, { kind: SpanKind.INTERNAL, attributes: outboxAttributes(envelope, topic) }, () => {
      const trace = captureTraceContext();
      return em.query(`INSERT INTO outbox (event_id, topic, key, type, envelope, trace_context) VALUES ($1, $2, $3, $4, $5, $6)`, [
        envelope.id,
        topic,
        envelope.subject,
        envelope.type,
        JSON.stringify(envelope),
        trace ? JSON.stringify(trace) : null,
      ]);
    });
    return envelope as EventOf<D>;
  }
}

function outboxAttributes(envelope: Envelope, topic: string) {
  return { 'messaging.destination.name': topic, 'jiebang.event.id': envelope.id, 'jiebang.event.type': envelope.type, 'jiebang.event.subject': envelope.subject };
}
