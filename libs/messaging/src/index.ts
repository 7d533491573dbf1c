export * from './inbox/dead-letter';
export * from './inbox/handler-registry';
export * from './inbox/inbox-consumer';
export * from './inbox/parked-dead-letters';
export * from './inbox/infrastructure-error';
export * from './kafka/consumer-health';
export * from './kafka/kafka-event-server';
export * from './kafka/kafka-producers';
export * from './kafka/topics-admin';
export * from './messaging-options';
export * from './messaging.health';
export * from './messaging.module';
export * from './messaging.runtime';
export * from './metrics';
export * from './migrations/1764201600000-messaging-tables';
export * from './on-event.decorator';
export * from './outbox/outbox';
export * from './outbox/outbox-relay';

import { MessagingTables1764201600000 } from './migrations/1764201600000-messaging-tables';
import { ParkedDeadLetters1764300000000 } from './migrations/1764300000000-parked-dead-letters';
import { OutboxTraceContext1766300000000 } from './migrations/1766300000000-outbox-trace-context';

/**
 * Add these to every service's DataSource. The outbox and inbox tables have no entities: the hot paths write
 * and read them with single SQL statements, and the migration is their one definition.
 */
export const MESSAGING_MIGRATIONS = [MessagingTables1764201600000, ParkedDeadLetters1764300000000, OutboxTraceContext1766300000000];
