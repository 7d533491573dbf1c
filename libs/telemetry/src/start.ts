import type { NodeSDK } from '@opentelemetry/sdk-node';

type Env = Record<string, string | undefined>;

/**
 * Which exporter the environment asks for, or null for none. Off by default: only an OTLP endpoint or an explicit
 * OTEL_TRACES_EXPORTER turns it on; OTEL_SDK_DISABLED or OTEL_TRACES_EXPORTER=none wins over both.
 */
export function tracesExporter(env: Env = process.env): 'otlp' | 'console' | null {
  if (env.OTEL_SDK_DISABLED?.toLowerCase() === 'true') return null;
  const chosen = env.OTEL_TRACES_EXPORTER?.trim().toLowerCase();
  if (chosen === 'none') return null;
  if (chosen === 'console') return 'console';
  if (chosen === 'otlp') return 'otlp';
  if (chosen) throw new Error(`OTEL_TRACES_EXPORTER=${chosen} is not supported (otlp, console or none)`);
  return env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ? 'otlp' : null;
}

let sdk: NodeSDK | undefined;

/**
 * Starts the OpenTelemetry SDK when the environment asks for it. Call it before anything else loads (import the
 * service's `tracing.ts` first in `main.ts`): instrumentations patch http, pg and ioredis when those are required.
 * The SDK is required here only when on, so a service with tracing off loads none of it.
 */
export function startTracing(service: string, env: Env = process.env): boolean {
  const exporter = tracesExporter(env);
  if (!exporter || sdk) return !!sdk;
  // A synchronous require, and only when tracing is on: the SDK must patch before the app loads, and not load when off.
  const { createSdk } = require('./sdk') as typeof import('./sdk');
  sdk = createSdk(env.OTEL_SERVICE_NAME || service, exporter);
  sdk.start();
  return true;
}

/** Exports the spans still buffered and stops the SDK; a no-op when tracing is off. Call before the process exits. */
export async function stopTracing(): Promise<void> {
  const running = sdk;
  sdk = undefined;
  await running?.shutdown().catch((e: Error) => process.stderr.write(`tracing shutdown failed: ${e.message}\n`));
}
