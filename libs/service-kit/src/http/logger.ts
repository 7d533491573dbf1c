import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Envelope } from '@jiebang/contracts';
import { activeTraceIds } from '@jiebang/telemetry';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { Store, storage } from 'nestjs-pino/storage';
import { scrubLogLine } from './log-scrub';

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * JSON logs; every request line and every log written while handling it carries `correlationId`, taken from the
 * caller's `X-Correlation-Id` header or minted here, and echoed back in the response; and, when tracing is on,
 * `traceId`/`spanId` of the active span.
 */
export function loggerModule(service: string, level: string) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      base: { service },
      messageKey: 'msg',
      // With tracing on, each line written inside a span names it beside the correlationId; off, nothing is added.
      mixin: () => activeTraceIds(),
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers[CORRELATION_HEADER];
        const id = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader(CORRELATION_HEADER, id);
        return id;
      },
      customProps: (req: IncomingMessage) => ({ correlationId: (req as IncomingMessage & { id: string }).id }),
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]'],
      // Anything the field list misses (a token quoted in an error, a phone number in a message) is scrubbed by shape.
      hooks: { streamWrite: scrubLogLine },
      // EventSource streams carry their token in the URL; it must not reach the logs.
      serializers: { req: (req: { url?: string }) => ({ ...req, url: req.url?.replace(/access_token=[^&]*/g, 'access_token=[Redacted]') }) },
      autoLogging: { ignore: (req: IncomingMessage) => /^\/(health|metrics)/.test(req.url ?? '') },
      quietReqLogger: true,
    },
  });
}

/** Every log line written while a consumer handles an event carries the event's correlationId, id and type. */
export function withEventLogger<T>(event: Envelope, fn: () => Promise<T>): Promise<T> {
  const logger = PinoLogger.root.child({ correlationId: event.correlationId, eventId: event.id, eventType: event.type });
  return storage.run(new Store(logger), fn);
}
