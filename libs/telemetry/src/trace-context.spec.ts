import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { activeTraceIds, captureTraceContext, contextFrom, inSpan, SpanKind, startSpan, traceHeaders } from './trace-context';
import { tracesExporter } from './start';

const exporter = new InMemorySpanExporter();
const contextManager = new AsyncLocalStorageContextManager();

beforeAll(() => {
  context.setGlobalContextManager(contextManager.enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
});
afterAll(() => {
  trace.disable();
  context.disable();
});
beforeEach(() => exporter.reset());

const PARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('trace context carriers', () => {
  it('captures nothing when no span is active, so untraced rows and jobs carry no context', () => {
    expect(captureTraceContext()).toBeNull();
    expect(activeTraceIds()).toEqual({});
    expect(traceHeaders(null)).toEqual({});
  });

  it('round-trips the active span through a carrier, Kafka headers given as Buffers included', async () => {
    await inSpan('outer', {}, async (span) => {
      const carrier = captureTraceContext()!;
      const { traceId, spanId } = span.spanContext();
      expect(carrier.traceparent).toBe(`00-${traceId}-${spanId}-01`);
      expect(activeTraceIds()).toEqual({ traceId, spanId });

      const fromJson = trace.getSpanContext(contextFrom(JSON.parse(JSON.stringify(carrier))))!;
      expect(fromJson).toMatchObject({ traceId, spanId, isRemote: true });
      const headers = { 'event-id': Buffer.from('x'), traceparent: Buffer.from(carrier.traceparent) };
      expect(trace.getSpanContext(contextFrom(headers))).toMatchObject({ traceId, spanId });
    });
  });

  it('keeps tracestate beside traceparent', () => {
    const ctx = contextFrom({ traceparent: PARENT, tracestate: 'vendor=abc' });
    expect(captureTraceContext(ctx)).toEqual({ traceparent: PARENT, tracestate: 'vendor=abc' });
    expect(traceHeaders({ traceparent: PARENT, tracestate: 'vendor=abc' })).toEqual({ traceparent: PARENT, tracestate: 'vendor=abc' });
  });

  it('treats a missing or malformed carrier as no parent', () => {
    expect(trace.getSpanContext(contextFrom(undefined))).toBeUndefined();
    expect(trace.getSpanContext(contextFrom({ traceparent: 'not-a-traceparent' }))).toBeUndefined();
    expect(contextFrom(null)).toBe(ROOT_CONTEXT);
  });
});

describe('spans continuing a carried context', () => {
  it('makes the span a child of the remote parent and active for the callback', async () => {
    const result = await inSpan('process jiebang.challenge', { kind: SpanKind.CONSUMER, parent: contextFrom({ traceparent: PARENT }) }, async () => {
      expect(activeTraceIds().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
      return 42;
    });
    expect(result).toBe(42);
    const [span] = exporter.getFinishedSpans();
    expect(span.name).toBe('process jiebang.challenge');
    expect(span.kind).toBe(SpanKind.CONSUMER);
    expect(span.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(span.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
  });

  it('records a failure on the span and rethrows it', async () => {
    await expect(inSpan('failing', {}, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const [span] = exporter.getFinishedSpans();
    expect(span.status).toEqual({ code: 2, message: 'boom' });
    expect(span.events.map((e) => e.name)).toEqual(['exception']);
  });

  it('a started span is the parent of the context injected for its message', () => {
    const span = startSpan('publish t', { kind: SpanKind.PRODUCER, parent: contextFrom({ traceparent: PARENT }) });
    const carrier = captureTraceContext(trace.setSpan(ROOT_CONTEXT, span))!;
    span.end();
    expect(carrier.traceparent).toBe(`00-0af7651916cd43dd8448eb211c80319c-${span.spanContext().spanId}-01`);
    expect(exporter.getFinishedSpans()[0].parentSpanContext?.spanId).toBe('b7ad6b7169203331');
  });
});

describe('tracesExporter (off by default)', () => {
  it.each([
    [{}, null],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, 'otlp'],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }, 'otlp'],
    [{ OTEL_TRACES_EXPORTER: 'otlp' }, 'otlp'],
    [{ OTEL_TRACES_EXPORTER: 'console' }, 'console'],
    [{ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, null],
    [{ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' }, null],
  ])('%j → %s', (env, expected) => expect(tracesExporter(env)).toBe(expected));

  it('refuses an exporter it does not ship', () => {
    expect(() => tracesExporter({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(/not supported/);
  });
});
