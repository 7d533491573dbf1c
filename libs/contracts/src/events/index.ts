import type { EventDefinition } from '../event-definition';
import { eventKey } from '../event-definition';
import { APPLICATION_EVENTS } from './application.events';
import { CHALLENGE_EVENTS } from './challenge.events';
import { DISPATCH_EVENTS } from './dispatch.events';
import { ENTERPRISE_EVENTS } from './enterprise.events';
import { PROFILE_EVENTS } from './profile.events';
import { PROJECT_EVENTS } from './project.events';
import { REVIEW_EVENTS } from './review.events';
import { SERVICE_ORDER_EVENTS } from './service-order.events';

export * from './application.events';
export * from './challenge.events';
export * from './dispatch.events';
export * from './profile.events';
export * from './project.events';
export * from './review.events';
export * from './service-order.events';

/** Every event type and version the platform publishes. A producer may only publish what is listed here. */
export const EVENT_DEFINITIONS: readonly EventDefinition[] = [
  ...CHALLENGE_EVENTS,
  ...PROJECT_EVENTS,
  ...SERVICE_ORDER_EVENTS,
  ...APPLICATION_EVENTS,
  ...REVIEW_EVENTS,
  ...DISPATCH_EVENTS,
  ...ENTERPRISE_EVENTS,
  ...PROFILE_EVENTS,
];

const BY_KEY: ReadonlyMap<string, EventDefinition> = new Map(
  EVENT_DEFINITIONS.map((d) => [eventKey(d.type, d.version), d]),
);

export function findEventDefinition(type: string, version: number): EventDefinition | undefined {
  return BY_KEY.get(eventKey(type, version));
}
