import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { ConsoleSpanExporter, type SpanExporter } from '@opentelemetry/sdk-trace-base';

/**
 * Loaded only when tracing is on (see start.ts). kafkajs is deliberately not instrumented: its producer patch
 * injects the relay's own (trace-less) context into every message's headers, overwriting the request's trace the
 * outbox row carried. The relay and the inbox consumer make the Kafka spans themselves (trace-context.ts).
 */
export function createSdk(serviceName: string, exporter: 'otlp' | 'console'): NodeSDK {
  const traceExporter: SpanExporter = exporter === 'console' ? new ConsoleSpanExporter() : new OTLPTraceExporter();
  return new NodeSDK({
    serviceName,
    traceExporter,
    // Traces only: metrics stay on Prometheus (/metrics), and no code writes OpenTelemetry logs (pino does). Left to
    // the environment, the SDK would start an OTLP metrics exporter against the same endpoint.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes would each open a trace of their own, every few seconds.
        ignoreIncomingRequestHook: (req) => /^\/(health|metrics)/.test(req.url ?? ''),
      }),
      // Only inside a trace: the relay's polls and BullMQ's Redis traffic would otherwise be a stream of root spans.
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
    ],
  });
}
