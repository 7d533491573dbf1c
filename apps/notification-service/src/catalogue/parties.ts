import { APPLICANT_ROLES, ROLES, type ApplicantRef, type Role } from '@jiebang/contracts';
import { audience, type Audience } from './audience';
import type { Channel } from './notice';

export const EVERY_CHANNEL: Channel[] = ['inbox', 'email', 'webhook'];
/** Notices to one person (an expert): no audience of theirs has webhook endpoints to call. */
export const PERSONAL_CHANNELS: Channel[] = ['inbox', 'email'];

/**
 * Organisations that applied, each in the role it applied in. `audience.orgs` takes one role, and a 榜单's applicants
 * are solvers and teams, so one audience per role.
 */
export function applicantsOf<E>(list: (event: E) => readonly ApplicantRef[]): Audience<E>[] {
  return APPLICANT_ROLES.map((role) => audience.orgs<E>(role, (e) => list(e).filter((a) => a.role === role).map((a) => a.orgId)));
}

/** One organisation in the role the event names (an objector may hold any role); nobody when the event names none. */
export function orgInRoleOf<E>(org: (event: E) => { orgId: string; role: Role } | null): Audience<E>[] {
  return ROLES.map((role) =>
    audience.orgs<E>(role, (e) => {
      const o = org(e);
      return o && o.role === role ? [o.orgId] : [];
    }),
  );
}

/** The applicants and one more organisation (the objector, the asker), typed from one call. */
export function applicantsAnd<E>(
  list: (event: E) => readonly ApplicantRef[],
  org: (event: E) => { orgId: string; role: Role } | null,
): Audience<E>[] {
  return [...applicantsOf(list), ...orgInRoleOf(org)];
}

/** Person ids once each: an expert reviewing several applications of a 榜单 is told once. */
export const distinct = (ids: readonly string[]) => [...new Set(ids)];
