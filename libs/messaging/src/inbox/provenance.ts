import { STREAMS, type Envelope, type StreamName } from '@jiebang/contracts';

export type ProvenanceFailure = { reason: 'wrong-key' | 'wrong-source'; error: string };

/**
 * Whether a record may have come from its stream's owner: its Kafka key is the envelope's subject (the key decides
 * the partition, so a record keyed otherwise would break per-aggregate order) and its `source` is the service that
 * owns the stream. Only the owner's outbox writes a stream, so anything else is forged or misrouted and goes to the
 * DLQ instead of a handler.
 */
export function checkProvenance(key: Buffer | null, event: Envelope, stream: StreamName): ProvenanceFailure | null {
  const actualKey = key?.toString('utf8') ?? null;
  if (actualKey !== event.subject) {
    return { reason: 'wrong-key', error: `record key ${JSON.stringify(actualKey)} is not the event's subject "${event.subject}"` };
  }
  const owner = STREAMS[stream].owner;
  if (event.source !== owner) {
    return { reason: 'wrong-source', error: `${event.type} from "${event.source}": stream "${stream}" is written by ${owner} only` };
  }
  return null;
}
