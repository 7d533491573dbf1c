import { randomUUID } from 'node:crypto';
import { challengeSubmittedV1, namespacedTopic, STREAMS } from '@jiebang/contracts';
import { inSpan, SpanKind } from '@jiebang/telemetry';
import { deleteNamespace, eventually, freshDatabase, freshNamespace, query, readTopic } from '@jiebang/test-infra';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Outbox } from './outbox/outbox';
import { startHarness, submittedEvent, type Harness } from './testing/harness';

const TOPIC = STREAMS.challenge.topic;
const ctx = { actor: { id: 'u-1', role: 'enterprise' as const, orgId: 'org-1' }, correlationId: 'trace-correlation' };

/** The trace context through the outbox, the relay, Kafka and the inbox consumer (real Postgres and Kafka). */
describe('trace context across the outbox (real Kafka, Postgres)', () => {
  let database: string;
  let namespace: string;
  let h: Harness;

  beforeEach(async () => {
    database = await freshDatabase('matching');
    namespace = await freshNamespace();
    h = await startHarness(database, namespace);
  });

  afterEach(async () => {
    await h?.close();
    await deleteNamespace(namespace);
  });

  const append = (subject: string) =>
    h.app.get<DataSource>(getDataSourceToken()).transaction((em) =>
      h.app.get(Outbox).append(em, challengeSubmittedV1, { subject, sequence: 2, data: submittedEvent().data }, ctx),
    );
  const wire = async (subject: string) =>
    (await readTopic(namespacedTopic(namespace, TOPIC), (m) => m.some((x) => x.key?.toString() === subject))).find((x) => x.key?.toString() === subject)!;

  it('with tracing off stores no context and sends no trace headers, and the event is applied as before', async () => {
    const subject = randomUUID();
    await append(subject);
    expect(await query(database, 'SELECT trace_context FROM outbox WHERE key = $1', [subject])).toEqual([{ trace_context: null }]);
    const message = await wire(subject);
    expect(Object.keys(message.headers ?? {}).sort()).toEqual(['correlation-id', 'event-id', 'event-type']);
    await eventually(async () => expect(await query(database, 'SELECT 1 FROM effects WHERE subject = $1', [subject])).toHaveLength(1));
  });

  describe('with a tracer provider', () => {
    const exporter = new InMemorySpanExporter();
    beforeAll(() => {
      context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
      trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    });
    afterAll(() => {
      trace.disable();
      context.disable();
    });

    it('stores the append span’s context, publishes it as headers under a producer span, and consumes under a child span', async () => {
      const subject = randomUUID();
      const traceId = await inSpan('POST /challenges/:id/submit', { kind: SpanKind.SERVER }, async (span) => {
        await append(subject);
        return span.spanContext().traceId;
      });
      const spans = () => exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
      const named = (prefix: string) => spans().find((s) => s.name.startsWith(prefix));

      const [row] = await query<{ trace_context: { traceparent: string } }>(database, 'SELECT trace_context FROM outbox WHERE key = $1', [subject]);
      const appendSpan = named('outbox append challenge.submitted')!;
      expect(row.trace_context.traceparent).toBe(`00-${traceId}-${appendSpan.spanContext().spanId}-01`);

      const message = await wire(subject);
      const publish = await eventually(() => named('publish ')!);
      expect(publish.kind).toBe(SpanKind.PRODUCER);
      expect(publish.parentSpanContext?.spanId).toBe(appendSpan.spanContext().spanId);
      expect(message.headers?.traceparent?.toString()).toBe(`00-${traceId}-${publish.spanContext().spanId}-01`);

      await eventually(async () => expect(await query(database, 'SELECT 1 FROM effects WHERE subject = $1', [subject])).toHaveLength(1));
      const consumed = await eventually(() => {
        const s = spans().find((x) => x.name === `process ${namespacedTopic(namespace, TOPIC)}` && x.attributes['jiebang.inbox.outcome'] === 'applied');
        expect(s).toBeDefined();
        return s!;
      });
      expect(consumed.kind).toBe(SpanKind.CONSUMER);
      expect(consumed.parentSpanContext?.spanId).toBe(publish.spanContext().spanId);
    });
  });
});
