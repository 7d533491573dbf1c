import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { EventDefinition } from '@jiebang/contracts';
import { HandlerRegistry, type EventHandler } from './inbox/handler-registry';
import { IGNORES_EVENTS, ON_EVENT, REGISTERS_HANDLERS, type HandlerSource } from './on-event.decorator';

/** Builds the handler registry from providers' `@OnEvent` methods, `@IgnoresEvents` and `@RegistersHandlers` sources. */
@Injectable()
export class MessagingExplorer {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  explore(): HandlerRegistry {
    const registry = new HandlerRegistry();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.metatype) continue;
      const ignored: EventDefinition[] = Reflect.getMetadata(IGNORES_EVENTS, wrapper.metatype) ?? [];
      ignored.forEach((d) => registry.ignore(d));
      if (Reflect.getMetadata(REGISTERS_HANDLERS, wrapper.metatype)) (instance as unknown as HandlerSource).registerHandlers(registry);
      for (const name of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const method = instance[name] as (...args: unknown[]) => Promise<void>;
        const definition: EventDefinition | undefined = Reflect.getMetadata(ON_EVENT, method);
        if (definition) registry.on(definition, method.bind(instance) as EventHandler);
      }
    }
    return registry;
  }
}
