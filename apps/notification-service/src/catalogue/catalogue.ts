import {
  challengeTermsAcceptedV1,
  dispatchServiceStartedV1,
  profileCapacityChangedV1,
  profileRegisteredV1,
  profileUpdatedV1,
  projectCreatedV1,
  projectSolverReplacedV1,
  serviceOrderClosedV1,
  type EventDefinition,
} from '@jiebang/contracts';
import { APPLICATION_NOTICES } from './application.notices';
import { CHALLENGE_NOTICES } from './challenge.notices';
import { DISPATCH_NOTICES } from './dispatch.notices';
import { ENTERPRISE_NOTICES } from './enterprise.notices';
import type { NoticeSpec } from './notice';
import { PROFILE_NOTICES } from './profile.notices';
import { PROJECT_NOTICES } from './project.notices';
import { REVIEW_NOTICES } from './review.notices';
import { SERVICE_ORDER_NOTICES } from './service-order.notices';

/**
 * Event type → recipients → channels → template. Adding an event someone must hear about is one entry in the
 * stream's `*.notices.ts` file (one file per stream, listed here); the catalogue test fails until every event type
 * in libs/contracts is either catalogued or declared silent below.
 */
export const CATALOGUE: NoticeSpec[] = [
  ...CHALLENGE_NOTICES,
  ...ENTERPRISE_NOTICES,
  ...APPLICATION_NOTICES,
  ...REVIEW_NOTICES,
  ...PROJECT_NOTICES,
  ...SERVICE_ORDER_NOTICES,
  ...DISPATCH_NOTICES,
  ...PROFILE_NOTICES,
];

/** Event types nobody needs to be told about, each with the reason; reviewed like a catalogue entry. */
export const SILENT_EVENTS: { event: EventDefinition; reason: string }[] = [
  { event: profileRegisteredV1, reason: 'the owner registered the profile itself; the directory learns whose it is' },
  { event: profileUpdatedV1, reason: 'the owner edited the profile itself; the directory refreshes its name' },
  { event: profileCapacityChangedV1, reason: 'bookkeeping of open orders for the matcher, caused by facts notified elsewhere' },
  { event: challengeTermsAcceptedV1, reason: 'the solver or team accepted the terms itself; it only unlocks what that organisation may see' },
  { event: projectCreatedV1, reason: 'created by the award, which challenge.awarded and application.selected already tell every party' },
  { event: projectSolverReplacedV1, reason: 'the 递补 behind it is told to the enterprise and the promoted solver by application.promoted' },
  { event: dispatchServiceStartedV1, reason: "the team's own act; the enterprise already heard the team accepted, and the timeline shows the start" },
  { event: serviceOrderClosedV1, reason: 'the end of the appeal window asks nothing of anyone; the rating and any appeal outcome were notified' },
];
