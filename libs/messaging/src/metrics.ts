import { Counter, Gauge, register } from 'prom-client';

function counter(name: string, help: string, labelNames: string[]): Counter {
  return (register.getSingleMetric(name) as Counter | undefined) ?? new Counter({ name, help, labelNames });
}

/** Outcome of every consumed message, so an unhandled or dead-lettered type is visible on /metrics. */
export const consumedEvents = counter('jiebang_events_consumed_total', 'Kafka messages consumed, by outcome', [
  'group',
  'type',
  'outcome',
]);

export const publishedEvents = counter('jiebang_events_published_total', 'Outbox rows published to Kafka', ['source']);

export const outboxBacklog =
  (register.getSingleMetric('jiebang_outbox_backlog') as Gauge | undefined) ??
  new Gauge({ name: 'jiebang_outbox_backlog', help: 'Unpublished outbox rows at the last check', labelNames: ['source'] });
