import { DynamicModule, Global, Module, type FactoryProvider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConsumerHealth } from './kafka/consumer-health';
import { KafkaEventServer } from './kafka/kafka-event-server';
import { KafkaProducers } from './kafka/kafka-producers';
import { MessagingExplorer } from './messaging.explorer';
import { EVENT_CONTEXT, MESSAGING_OPTIONS, ON_FATAL, type MessagingOptions } from './messaging-options';
import { MessagingHealthIndicator } from './messaging.health';
import { MessagingRuntime } from './messaging.runtime';
import { Outbox } from './outbox/outbox';
import type { EventContextRunner } from './inbox/inbox-consumer';

function exitOnFatal(): void {
  process.exitCode = 1;
  // SIGTERM runs Nest's shutdown hooks (stop relay, close DB) before the process ends.
  process.kill(process.pid, 'SIGTERM');
}

@Global()
@Module({})
export class MessagingModule {
  static forRootAsync(
    options: Omit<FactoryProvider<MessagingOptions>, 'provide'>,
    onFatal: (reason: string) => void = exitOnFatal,
    runInContext?: EventContextRunner,
  ): DynamicModule {
    return {
      module: MessagingModule,
      imports: [DiscoveryModule],
      providers: [
        { ...options, provide: MESSAGING_OPTIONS },
        { provide: ON_FATAL, useValue: onFatal },
        { provide: EVENT_CONTEXT, useValue: runInContext ?? null },
        ConsumerHealth,
        MessagingExplorer,
        {
          provide: KafkaProducers,
          inject: [MESSAGING_OPTIONS],
          useFactory: (o: MessagingOptions) => new KafkaProducers(o),
        },
        {
          provide: KafkaEventServer,
          inject: [MESSAGING_OPTIONS, ConsumerHealth, ON_FATAL],
          useFactory: (o: MessagingOptions, h: ConsumerHealth, onFatal: (reason: string) => void) =>
            new KafkaEventServer(o, h, onFatal),
        },
        {
          provide: Outbox,
          inject: [MESSAGING_OPTIONS],
          useFactory: (o: MessagingOptions) => new Outbox(o.service),
        },
        MessagingRuntime,
        MessagingHealthIndicator,
      ],
      exports: [Outbox, MessagingRuntime, MessagingHealthIndicator, KafkaEventServer, ConsumerHealth, ON_FATAL],
    };
  }
}
