import { Injectable } from '@nestjs/common';
import { ConsumerHealth } from './kafka/consumer-health';
import { KafkaProducers } from './kafka/kafka-producers';
import { MessagingRuntime } from './messaging.runtime';

export interface ComponentHealth {
  up: boolean;
  details: Record<string, unknown>;
}

/** Kafka as readiness sees it: broker answering, consumer in its group, producers connected; the backlog is shown, not judged. */
@Injectable()
export class MessagingHealthIndicator {
  constructor(
    private readonly consumer: ConsumerHealth,
    private readonly producers: KafkaProducers,
    private readonly runtime: MessagingRuntime,
  ) {}

  alive(): ComponentHealth {
    return { up: this.consumer.alive, details: { consumer: this.consumer.state, lastError: this.consumer.lastError } };
  }

  async ready(): Promise<ComponentHealth> {
    const [backlog, broker] = await Promise.all([this.runtime.relay.backlog().catch(() => null), this.producers.ping()]);
    return {
      up: this.consumer.ready && this.producers.connected && broker,
      details: {
        consumer: this.consumer.state,
        topics: this.runtime.consumedTopics,
        brokerReachable: broker,
        producersConnected: this.producers.connected,
        outboxBacklog: backlog,
        relayError: this.runtime.relay.lastError,
        lastError: this.consumer.lastError,
      },
    };
  }
}
