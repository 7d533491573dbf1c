import { profileCapacityChangedV1, profileRegisteredV1, profileUpdatedV1, type EventDefinition } from '@jiebang/contracts';
import { CHALLENGE_NOTICES } from './challenge.notices';
import { ENTERPRISE_NOTICES } from './enterprise.notices';
import type { NoticeSpec } from './notice';
import { PROFILE_NOTICES } from './profile.notices';

/**
 * Event type → recipients → channels → template. Adding an event someone must hear about is one entry in the
 * stream's `*.notices.ts` file (one file per stream, listed here); the catalogue test fails until every event type
 * in libs/contracts is either catalogued or declared silent below.
 */
export const CATALOGUE: NoticeSpec[] = [...CHALLENGE_NOTICES, ...ENTERPRISE_NOTICES, ...PROFILE_NOTICES];

/** Event types nobody needs to be told about, each with the reason; reviewed like a catalogue entry. */
export const SILENT_EVENTS: { event: EventDefinition; reason: string }[] = [
  { event: profileRegisteredV1, reason: 'the owner registered the profile itself; the directory learns whose it is' },
  { event: profileUpdatedV1, reason: 'the owner edited the profile itself; the directory refreshes its name' },
  { event: profileCapacityChangedV1, reason: 'bookkeeping of open orders for the matcher, caused by facts notified elsewhere' },
];
