import type { EventDefinition } from '../event-definition';
import { eventKey } from '../event-definition';
import { challengeSubmittedV1, challengeVettingOverdueV1 } from './challenge.events';
import { ENTERPRISE_EVENTS } from './enterprise.events';
import { PROFILE_EVENTS } from './profile.events';

export * from './challenge.events';
export * from './profile.events';

/** Every event type and version the platform publishes. A producer may only publish what is listed here. */
export const EVENT_DEFINITIONS: readonly EventDefinition[] = [
  ...ENTERPRISE_EVENTS,
  challengeSubmittedV1,
  challengeVettingOverdueV1,
  ...PROFILE_EVENTS,
];

const BY_KEY: ReadonlyMap<string, EventDefinition> = new Map(
  EVENT_DEFINITIONS.map((d) => [eventKey(d.type, d.version), d]),
);

export function findEventDefinition(type: string, version: number): EventDefinition | undefined {
  return BY_KEY.get(eventKey(type, version));
}
