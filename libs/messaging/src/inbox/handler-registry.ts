import { eventKey, type Envelope, type EventDefinition, type StreamName } from '@jiebang/contracts';
import type { EntityManager } from 'typeorm';

/** A thin handler: translate the fact and call one service method, inside the inbox transaction. */
export type EventHandler = (event: Envelope, em: EntityManager) => Promise<void>;

export interface StreamSubscription {
  stream: StreamName;
  handlers: Map<string, EventHandler[]>;
  /** Types this service has decided it does not need; anything else unhandled is logged and counted. */
  ignored: Set<string>;
}

/** Collects what a service consumes, stream by stream. Built at boot from the `@OnEvent` declarations. */
export class HandlerRegistry {
  private readonly streams = new Map<StreamName, StreamSubscription>();

  on(definition: EventDefinition, handler: EventHandler): this {
    const sub = this.stream(definition.stream);
    const key = eventKey(definition.type, definition.version);
    sub.handlers.set(key, [...(sub.handlers.get(key) ?? []), handler]);
    return this;
  }

  ignore(definition: EventDefinition): this {
    this.stream(definition.stream).ignored.add(eventKey(definition.type, definition.version));
    return this;
  }

  subscriptions(): StreamSubscription[] {
    return [...this.streams.values()];
  }

  private stream(stream: StreamName): StreamSubscription {
    let sub = this.streams.get(stream);
    if (!sub) {
      sub = { stream, handlers: new Map(), ignored: new Set() };
      this.streams.set(stream, sub);
    }
    return sub;
  }
}
