import type { EventDefinition } from '@jiebang/contracts';
import type { HandlerRegistry } from './inbox/handler-registry';

export const ON_EVENT = Symbol('jiebang:on-event');
export const IGNORES_EVENTS = Symbol('jiebang:ignores-events');

/**
 * Marks a provider method as the handler of one event type and version. The method receives the validated
 * envelope and the EntityManager of the inbox transaction, and must write through that manager.
 */
export function OnEvent(definition: EventDefinition): MethodDecorator {
  return (_target, _key, descriptor) => {
    Reflect.defineMetadata(ON_EVENT, definition, descriptor.value as object);
    return descriptor;
  };
}

/** Declares event types on a handled stream that this service deliberately does not act on. */
export function IgnoresEvents(...definitions: EventDefinition[]): ClassDecorator {
  return (target) => Reflect.defineMetadata(IGNORES_EVENTS, definitions, target);
}

export const REGISTERS_HANDLERS = Symbol('jiebang:registers-handlers');

/** For a provider that registers handlers from data (a catalogue) rather than by decorating methods. */
export interface HandlerSource {
  registerHandlers(registry: HandlerRegistry): void;
}

/** Marks a `HandlerSource`; the explorer calls its `registerHandlers` at boot. */
export function RegistersHandlers(): ClassDecorator {
  return (target) => Reflect.defineMetadata(REGISTERS_HANDLERS, true, target);
}
