export * from './inbox/dead-letter';
export * from './inbox/handler-registry';
export * from './inbox/inbox-consumer';
export * from './inbox/inbox.entity';
export * from './inbox/infrastructure-error';
export * from './kafka/consumer-health';
export * from './kafka/kafka-event-server';
export * from './kafka/kafka-producers';
export * from './kafka/topics-admin';
export * from './messaging-options';
export * from './messaging.health';
export * from './messaging.module';
export * from './messaging.runtime';
export * from './migrations/1764201600000-messaging-tables';
export * from './on-event.decorator';
export * from './outbox/outbox';
export * from './outbox/outbox-relay';
export * from './outbox/outbox.entity';

import { InboxRecord } from './inbox/inbox.entity';
import { MessagingTables1764201600000 } from './migrations/1764201600000-messaging-tables';
import { OutboxRecord } from './outbox/outbox.entity';

/** Add these to every service's DataSource. */
export const MESSAGING_ENTITIES = [OutboxRecord, InboxRecord];
export const MESSAGING_MIGRATIONS = [MessagingTables1764201600000];
