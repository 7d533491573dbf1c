import type { Envelope } from '@jiebang/contracts';
import { checkProvenance } from './provenance';

const event = { type: 'challenge.submitted', subject: 'c-1', source: 'challenge-service' } as Envelope;

describe('checkProvenance: a record must come from its stream owner, keyed by its subject', () => {
  it('passes a record keyed by its subject from the owning service', () => {
    expect(checkProvenance(Buffer.from('c-1'), event, 'challenge')).toBeNull();
  });

  it('refuses a key that is not the subject, or no key at all', () => {
    expect(checkProvenance(Buffer.from('c-2'), event, 'challenge')).toMatchObject({ reason: 'wrong-key' });
    expect(checkProvenance(null, event, 'challenge')).toMatchObject({ reason: 'wrong-key' });
  });

  it('refuses an event of a stream written by a service that does not own it', () => {
    const forged = { ...event, source: 'notification-service' } as Envelope;
    expect(checkProvenance(Buffer.from('c-1'), forged, 'challenge')).toEqual({
      reason: 'wrong-source',
      error: 'challenge.submitted from "notification-service": stream "challenge" is written by challenge-service only',
    });
    expect(checkProvenance(Buffer.from('c-1'), event, 'dispatch')).toMatchObject({ reason: 'wrong-source' });
  });
});
