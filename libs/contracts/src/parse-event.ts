import { z } from 'zod';
import { envelopeSchema, type Envelope } from './envelope';
import { type EventDefinition } from './event-definition';
import { findEventDefinition } from './events';

export type ParseResult =
  | { ok: true; event: Envelope; definition: EventDefinition }
  | { ok: false; reason: 'malformed-json' | 'invalid-envelope' | 'unknown-type' | 'invalid-data'; error: string };

/** Validates a raw message value end to end: JSON, envelope, known type@version, then the data schema. */
export function parseEvent(raw: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    return { ok: false, reason: 'malformed-json', error: (e as Error).message };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    return { ok: false, reason: 'invalid-envelope', error: z.prettifyError(envelope.error) };
  }
  const definition = findEventDefinition(envelope.data.type, envelope.data.version);
  if (!definition) {
    return { ok: false, reason: 'unknown-type', error: `no schema for ${envelope.data.type} v${envelope.data.version}` };
  }
  const data = definition.data.safeParse(envelope.data.data);
  if (!data.success) {
    return { ok: false, reason: 'invalid-data', error: z.prettifyError(data.error) };
  }
  return { ok: true, event: { ...envelope.data, data: data.data }, definition };
}
