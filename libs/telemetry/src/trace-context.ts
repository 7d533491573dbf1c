import {
  context,
  isSpanContextValid,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type TextMapGetter,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/**
 * The W3C trace context as it travels where no instrumentation can follow: in an outbox row, in Kafka headers, in
 * a BullMQ job's data. Always W3C (not whatever OTEL_PROPAGATORS says): these carriers are ours and their format
 * must not change with a deployment's setting.
 */
export interface TraceCarrier {
  traceparent: string;
  tracestate?: string;
}

const w3c = new W3CTraceContextPropagator();

/** The active span's context as a carrier, or null when no span is active (tracing off: nothing is stored). */
export function captureTraceContext(ctx: Context = context.active()): TraceCarrier | null {
  const carrier: Record<string, string> = {};
  w3c.inject(ctx, carrier, { set: (c, k, v) => (c[k] = v) });
  if (!carrier.traceparent) return null;
  return carrier.tracestate ? { traceparent: carrier.traceparent, tracestate: carrier.tracestate } : { traceparent: carrier.traceparent };
}

/** A header or data value as kafkajs or JSON may hand it over. */
type CarrierValue = string | Buffer | (string | Buffer)[] | undefined | null | unknown;

const getter: TextMapGetter<Record<string, CarrierValue>> = {
  keys: (c) => Object.keys(c),
  get: (c, key) => {
    const v = c[key];
    const one = Array.isArray(v) ? v[0] : v;
    if (typeof one === 'string') return one;
    if (Buffer.isBuffer(one)) return one.toString('utf8');
    return undefined;
  },
};

/** The remote context a carrier (or a Kafka header map) names; the root context when it names none or is malformed. */
export function contextFrom(carrier: Record<string, CarrierValue> | TraceCarrier | null | undefined): Context {
  if (!carrier || typeof carrier !== 'object') return ROOT_CONTEXT;
  return w3c.extract(ROOT_CONTEXT, carrier as Record<string, CarrierValue>, getter);
}

/** The carrier as Kafka headers (the names W3C gives them on HTTP). */
export function traceHeaders(carrier: TraceCarrier | null | undefined): Record<string, string> {
  if (!carrier?.traceparent) return {};
  return carrier.tracestate ? { traceparent: carrier.traceparent, tracestate: carrier.tracestate } : { traceparent: carrier.traceparent };
}

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /** The context the span continues; the active one by default. */
  parent?: Context;
}

const TRACER = '@jiebang/telemetry';

/**
 * Runs `fn` inside a new active span and ends it when `fn` settles, recording a failure as the span's error. With
 * tracing off the tracer is a no-op and this is just `fn()`.
 */
export function inSpan<T>(name: string, options: SpanOptions, fn: (span: Span) => Promise<T>): Promise<T> {
  const parent = options.parent ?? context.active();
  return trace.getTracer(TRACER).startActiveSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, parent, async (span) => {
    try {
      return await fn(span);
    } catch (e) {
      span.recordException(e instanceof Error ? e : String(e));
      span.setStatus({ code: SpanStatusCode.ERROR, message: e instanceof Error ? e.message : String(e) });
      throw e;
    } finally {
      span.end();
    }
  });
}

/** Starts a span that the caller ends (for work that outlives one callback, e.g. one message of a batch send). */
export function startSpan(name: string, options: SpanOptions): Span {
  return trace.getTracer(TRACER).startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, options.parent ?? context.active());
}

/** `traceId`/`spanId` of the active span for log lines; empty when none is active, so untraced lines stay as they were. */
export function activeTraceIds(): { traceId?: string; spanId?: string } {
  const span = trace.getSpan(context.active());
  const sc = span?.spanContext();
  if (!sc || !isSpanContextValid(sc)) return {};
  return { traceId: sc.traceId, spanId: sc.spanId };
}

export { SpanKind, SpanStatusCode, context, trace, type Context, type Span };
