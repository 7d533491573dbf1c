import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { eventually, http, mintToken, principals, query, verifiedEnterprise } from '@jiebang/testing';
import { SERVICES, startSystem, type RunningSystem, type ServiceKey } from './support/system';

/** One span as an OTLP/HTTP JSON export carries it, with the service that exported it. */
interface CollectedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

// OTLP span kinds (the JSON encoding numbers them from 1).
const KIND = { server: 2, producer: 4, consumer: 5 } as const;

/**
 * The "in-memory exporter" across processes: an OTLP/HTTP endpoint that keeps every span the services export.
 */
function startCollector(): Promise<{ server: Server; url: string; spans: CollectedSpan[]; paths: Set<string> }> {
  const spans: CollectedSpan[] = [];
  const paths = new Set<string>();
  const server = createServer((req, res) => {
    paths.add(`${req.method} ${req.url}`);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      if (req.url !== '/v1/traces' || !String(req.headers['content-type']).includes('json')) {
        res.writeHead(415).end();
        return;
      }
      for (const rs of JSON.parse(body.toString('utf8')).resourceSpans ?? []) {
        const service = attributesOf(rs.resource?.attributes)['service.name'] as string;
        for (const ss of rs.scopeSpans ?? []) {
          for (const s of ss.spans ?? []) {
            spans.push({ service, traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId || undefined, name: s.name, kind: s.kind, attributes: attributesOf(s.attributes) });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, paths })));
}

function attributesOf(list: { key: string; value: Record<string, unknown> }[] = []): Record<string, unknown> {
  return Object.fromEntries(list.map(({ key, value }) => [key, Object.values(value)[0]]));
}

/**
 * Issue 13: with OTLP on, one trace runs from `POST /challenges/:id/submit` through challenge-service's outbox and
 * relay, over Kafka into notification-service's consumer and its BullMQ delivery job to the in-app notice, and into
 * matching-service's consumer of the same stream; the log lines written under it carry the trace id.
 */
describe('tracing: one trace from the HTTP request to the in-app notice', () => {
  let system: RunningSystem;
  let collector: Awaited<ReturnType<typeof startCollector>>;

  beforeAll(async () => {
    collector = await startCollector();
    // A metrics exporter, had one been started, would post within the test at this interval.
    const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '100', OTEL_METRIC_EXPORT_INTERVAL: '500' };
    system = await startSystem({
      challenge: { ...otel, LOG_LEVEL: 'info' },
      matching: otel,
      notification: otel,
    });
  });

  afterAll(async () => {
    await system?.stop();
    collector?.server.close();
  });

  it('links HTTP → outbox → relay → each consumer → delivery job under the caller’s trace id', async () => {
    const enterprise = await mintToken(principals.enterprise);
    await verifiedEnterprise(system.urls.challenge, principals.enterprise);
    const draft = await http('POST', `${system.urls.challenge}/api/v1/challenges`, {
      token: enterprise,
      body: { title: '高温合金叶片涂层寿命预测', description: '需要一个可解释的涂层剥落寿命模型，用于排产。', bountyYuan: 500_000, deadline: '2027-12-31' },
    });
    expect(draft.status).toBe(201);

    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const correlationId = `trace-e2e-${randomBytes(4).toString('hex')}`;
    const submit = await http('POST', `${system.urls.challenge}/api/v1/challenges/${draft.body.id}/submit`, {
      token: enterprise,
      headers: { traceparent: `00-${traceId}-${callerSpanId}-01`, 'x-correlation-id': correlationId },
    });
    expect(submit.status).toBe(200);

    // The in-app notice is the end of the path.
    await eventually(async () => {
      const rows = await query<{ status: string }>(
        system.databases.notification,
        `SELECT status FROM deliveries WHERE channel = 'inbox' AND content->>'link' = $1`,
        [`/challenges/${draft.body.id}`],
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
    }, 30_000);

    const inTrace = () => collector.spans.filter((s) => s.traceId === traceId);
    const byId = () => new Map(inTrace().map((s) => [s.spanId, s]));
    const find = (service: string, pred: (s: CollectedSpan) => boolean) => inTrace().find((s) => s.service === service && pred(s));
    /** The span's ancestors up to the trace's root, nearest first. */
    const ancestors = (span: CollectedSpan) => {
      const spans = byId();
      const chain: CollectedSpan[] = [];
      for (let p = span.parentSpanId && spans.get(span.parentSpanId); p; p = p.parentSpanId && spans.get(p.parentSpanId)) chain.push(p);
      return chain;
    };

    const path = await eventually(() => {
      const request = find('challenge-service', (s) => s.kind === KIND.server && s.parentSpanId === callerSpanId);
      const append = find('challenge-service', (s) => s.name === 'outbox append challenge.submitted');
      const publish = find('challenge-service', (s) => s.kind === KIND.producer && s.attributes['jiebang.event.type'] === 'challenge.submitted');
      const notified = find('notification-service', (s) => s.kind === KIND.consumer && s.name.startsWith('process ') && s.parentSpanId === publish?.spanId);
      const matched = find('matching-service', (s) => s.kind === KIND.consumer && s.name.startsWith('process ') && s.parentSpanId === publish?.spanId);
      const delivered = find('notification-service', (s) => s.name === 'deliver inbox' && s.attributes['jiebang.delivery.outcome'] === 'sent');
      expect({ request: !!request, append: !!append, publish: !!publish, notified: !!notified, matched: !!matched, delivered: !!delivered }).toEqual({
        request: true,
        append: true,
        publish: true,
        notified: true,
        matched: true,
        delivered: true,
      });
      return { request: request!, append: append!, publish: publish!, notified: notified!, matched: matched!, delivered: delivered! };
    }, 30_000);

    // Parent-linked in order: request → append → publish → consumer → job, each in the service that did the work.
    expect(ancestors(path.append)).toContain(path.request);
    expect(path.publish.parentSpanId).toBe(path.append.spanId);
    expect(ancestors(path.delivered)[0]).toBe(path.notified);
    expect(ancestors(path.delivered).map((s) => s.service)).toEqual(expect.arrayContaining(['notification-service', 'challenge-service']));
    expect(path.request).toMatchObject({ name: 'POST /api/v1/challenges/:id/submit', attributes: { 'http.route': '/api/v1/challenges/:id/submit' } });
    expect(path.notified.attributes['jiebang.inbox.outcome']).toBe('applied');
    expect(path.matched.attributes['messaging.system']).toBe('kafka');
    expect(new Set(inTrace().map((s) => s.service))).toEqual(new Set(SERVICES.map((s: ServiceKey) => `${s}-service`)));
    // The handler's SQL runs in the consumer's span: the instrumentations see inside what our spans opened.
    expect(inTrace().some((s) => s.service === 'notification-service' && [s.attributes['db.system'], s.attributes['db.system.name']].includes('postgresql'))).toBe(true);

    // Traces only: no metrics or logs exporter was started against the same endpoint.
    expect([...collector.paths]).toEqual(['POST /v1/traces']);

    // The request's log line names the trace beside the correlation id.
    const line = system.logs.challenge
      .join('')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.correlationId === correlationId && l.traceId);
    expect(line).toMatchObject({ correlationId, traceId, service: 'challenge-service' });
    expect(line!.spanId).toMatch(/^[0-9a-f]{16}$/);
  });
});
