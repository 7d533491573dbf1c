import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import {
  DLQ_PARTITIONS,
  EVENT_DEFINITIONS,
  STREAM_PARTITIONS,
  STREAMS,
  dlqTopic,
  envelopeSchema,
  type EventDefinition,
  type StreamName,
} from '@jiebang/contracts';
import { DLQ_HEADERS } from '@jiebang/messaging';

type Json = Record<string, unknown>;

const ROOT = resolve(__dirname, '../../..');
export const FIXTURES_DIR = resolve(ROOT, 'libs/contracts/fixtures');
export const ASYNCAPI_FILE = 'docs/asyncapi.yaml';

/** Component keys allow neither `@` nor `/`: `challenge.submitted.v1` names the message of `challenge.submitted@v1`. */
export function messageId(def: Pick<EventDefinition, 'type' | 'version'>): string {
  return `${def.type}.v${def.version}`;
}

/**
 * zod 4's own JSON Schema (draft-07, which the AsyncAPI schema format is a superset of). `io: 'input'` is what a
 * producer may put on the wire and leaves objects open (no `additionalProperties: false`), so a consumer validating
 * with it accepts the optional fields a later minor change adds, as the additive-evolution rule promises.
 */
function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _draft, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as Json;
  return rest;
}

const ENVELOPE = jsonSchema(envelopeSchema) as Json & { properties: Record<string, Json> };
/** The envelope fields every message shares, once under `components.schemas`, referenced from each payload. */
const SHARED_FIELDS = ['id', 'subject', 'sequence', 'time', 'correlationId', 'causationId', 'actor'] as const;
const FIELD_DESCRIPTIONS: Record<(typeof SHARED_FIELDS)[number], string> = {
  id: 'Unique per fact; the idempotency key every consumer deduplicates on.',
  subject: 'The aggregate id, also the Kafka key.',
  sequence: "The aggregate's version after the change, monotonic per subject: a consumer may ignore a stale fact.",
  time: 'When the fact happened (ISO 8601 with offset).',
  correlationId: 'The request that started the chain of facts.',
  causationId: 'The id of the event that caused this one, or null when a user command did.',
  actor: 'Who caused the fact: a user in a role, or `system` for timers and automated steps.',
};

export function envelopeFieldSchemas(): Json {
  return Object.fromEntries(
    SHARED_FIELDS.map((f) => [`envelope-${f}`, { ...ENVELOPE.properties[f], description: FIELD_DESCRIPTIONS[f] }]),
  );
}

/** The envelope with `type`, `version` and `source` pinned and `data` replaced by the event's own schema. */
export function payloadSchema(def: EventDefinition): Json {
  return {
    ...ENVELOPE,
    description: def.description,
    properties: {
      ...Object.fromEntries(SHARED_FIELDS.map((f) => [f, { $ref: `#/components/schemas/envelope-${f}` }])),
      type: { type: 'string', const: def.type },
      version: { type: 'integer', const: def.version },
      source: { type: 'string', const: STREAMS[def.stream].owner },
      data: jsonSchema(def.data),
    },
  };
}

/** The Kafka headers the outbox relay sets on every message (libs/messaging/src/outbox/outbox-relay.ts). */
function eventHeaders(def: EventDefinition): Json {
  return {
    type: 'object',
    properties: {
      'event-id': { type: 'string', format: 'uuid', description: 'The envelope `id`, the idempotency key consumers deduplicate on.' },
      'event-type': { type: 'string', const: def.type, description: 'The envelope `type`, to route without parsing the value.' },
      'correlation-id': { type: 'string', description: 'The envelope `correlationId`: the request that started the chain.' },
      traceparent: {
        type: 'string',
        pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
        description: 'W3C trace context of the command that wrote the event (only when tracing is on): continue it in your consumer to join the trace.',
      },
      tracestate: { type: 'string', description: 'W3C tracestate beside `traceparent`, when the tracer set one.' },
    },
    required: ['event-id', 'event-type'],
  };
}

const KEY_BINDING = {
  kafka: {
    key: { type: 'string', description: 'The envelope `subject` (the aggregate id): one aggregate, one partition, in order.' },
    bindingVersion: '0.5.0',
  },
};

function fixture(def: EventDefinition): unknown {
  return JSON.parse(readFileSync(resolve(FIXTURES_DIR, `${def.type}.v${def.version}.json`), 'utf8'));
}

function eventMessage(def: EventDefinition): Json {
  const example = fixture(def) as { id: string; subject: string; correlationId: string };
  return {
    name: `${def.type}@v${def.version}`,
    title: `${def.type} v${def.version}`,
    summary: def.description,
    contentType: 'application/json',
    'x-owner': STREAMS[def.stream].owner,
    headers: eventHeaders(def),
    payload: payloadSchema(def),
    bindings: KEY_BINDING,
    examples: [
      {
        name: 'golden-fixture',
        summary: `libs/contracts/fixtures/${def.type}.v${def.version}.json`,
        headers: { 'event-id': example.id, 'event-type': def.type, 'correlation-id': example.correlationId },
        payload: example,
      },
    ],
  };
}

/** What `DeadLetters.send` adds to the original headers (libs/messaging/src/inbox/dead-letter.ts). */
const DEAD_LETTER_HEADERS: Record<keyof typeof DLQ_HEADERS, string> = {
  reason: 'Why it failed: one of `malformed-json`, `invalid-envelope`, `unknown-type`, `invalid-data`, `wrong-topic`, `wrong-key`, `wrong-source`, `handler-failed`.',
  error: 'The error message, at most 4000 characters.',
  attempts: 'How many times the consumer tried before giving up.',
  originalTopic: 'The topic the message was consumed from.',
  originalPartition: 'Its partition there.',
  originalOffset: 'Its offset there.',
  consumerGroup: 'The consumer group that failed it.',
  failedAt: 'When (ISO 8601).',
};

function deadLetterMessage(): Json {
  return {
    name: 'dead-letter',
    title: 'Dead letter',
    summary:
      'A message a consumer group could not handle, copied byte for byte (key, value, original headers) with why it failed. ' +
      'The value is usually an envelope of the original topic, but may be anything (that is often why it is here). Re-driven by `npm run dlq:redrive`.',
    headers: {
      type: 'object',
      properties: Object.fromEntries(
        (Object.keys(DLQ_HEADERS) as (keyof typeof DLQ_HEADERS)[]).map((k) => [DLQ_HEADERS[k], { type: 'string', description: DEAD_LETTER_HEADERS[k] }]),
      ),
      required: Object.values(DLQ_HEADERS),
    },
    payload: { description: 'The original message value, untouched.' },
    bindings: KEY_BINDING,
  };
}

const STREAM_ORDER = Object.keys(STREAMS) as StreamName[];

/** The AsyncAPI 3.0 document of every topic, DLQ and event type in `libs/contracts`, in a stable order. */
export function asyncApiDocument(version: string): Json {
  const channels: Json = {};
  const operations: Json = {};
  const messages: Json = { deadLetter: deadLetterMessage() };
  for (const name of STREAM_ORDER) {
    const { topic, owner } = STREAMS[name];
    const defs = EVENT_DEFINITIONS.filter((d) => d.stream === name);
    for (const def of defs) messages[messageId(def)] = eventMessage(def);
    channels[name] = {
      address: topic,
      title: topic,
      description: `The ${name} stream, written by ${owner} through its outbox. Keyed by the envelope subject (the aggregate id); consumers dispatch on \`type\`@\`version\` and ignore types they do not know.`,
      messages: Object.fromEntries(defs.map((d) => [messageId(d), { $ref: `#/components/messages/${messageId(d)}` }])),
      bindings: { kafka: { topic, partitions: STREAM_PARTITIONS, bindingVersion: '0.5.0' } },
      'x-owner': owner,
    };
    channels[`${name}Dlq`] = {
      address: dlqTopic(topic),
      title: dlqTopic(topic),
      description: `Dead letters of the ${name} stream, written by whichever consumer group failed a message.`,
      messages: { deadLetter: { $ref: '#/components/messages/deadLetter' } },
      bindings: { kafka: { topic: dlqTopic(topic), partitions: DLQ_PARTITIONS, bindingVersion: '0.5.0' } },
    };
    operations[`publish-${name}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${name}` },
      title: `${owner} publishes the ${name} stream`,
      messages: defs.map((d) => ({ $ref: `#/channels/${name}/messages/${messageId(d)}` })),
      'x-owner': owner,
    };
    operations[`consume-${name}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${name}` },
      title: `An integrator consumes the ${name} stream`,
      messages: defs.map((d) => ({ $ref: `#/channels/${name}/messages/${messageId(d)}` })),
    };
    operations[`dead-letter-${name}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${name}Dlq` },
      title: `A consumer group dead-letters a message of the ${name} stream`,
      messages: [{ $ref: `#/channels/${name}Dlq/messages/deadLetter` }],
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'jiebang events (揭榜挂帅 · 科技特派员协同平台)',
      version,
      description:
        'Every Kafka topic of the platform and every event type@version on it. Generated from `libs/contracts` by ' +
        '`npm run asyncapi`; do not edit by hand. Each message value is a CloudEvents-shaped JSON envelope whose `data` ' +
        'is described per type; the key is the envelope `subject`. A deployment may prefix every topic with a namespace ' +
        '(`<namespace>.jiebang.challenge`).',
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'The broker of `npm run up` / docker-compose (no authentication).',
      },
    },
    channels,
    operations,
    components: { schemas: envelopeFieldSchemas(), messages },
  };
}
