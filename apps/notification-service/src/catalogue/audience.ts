import type { Envelope, Role } from '@jiebang/contracts';

/**
 * Who hears of an event, said in the terms of the domain: an organisation named in the event (the enterprise, a
 * team), several (the applicants), people (the assigned experts), the owner of a matching profile, the district office
 * of a district, or the bureau.
 */
export type Audience<E = Envelope> =
  | { kind: 'org'; role: Role; org: (event: E) => string }
  | { kind: 'orgs'; role: Role; orgs: (event: E) => string[] }
  | { kind: 'users'; role: Role; users: (event: E) => string[] }
  | { kind: 'profile-owner'; profile: (event: E) => string; owner?: (event: E) => string | undefined }
  | { kind: 'district-office'; district: (event: E) => string }
  | { kind: 'bureau' };

/** An address before the directory is consulted: desks (bureau, a district office) resolve to organisations. */
export type Address =
  | { kind: 'org'; orgId: string; role: Role }
  | { kind: 'user'; userId: string; role: Role }
  /** `ownerId`: the person the event names as the profile's owner (an expert), if it names one. */
  | { kind: 'profile'; profileId: string; ownerId: string | null }
  | { kind: 'desk'; role: 'bureau' }
  | { kind: 'desk'; role: 'district'; district: string };

export const audience = {
  org: <E>(role: Role, org: (event: E) => string): Audience<E> => ({ kind: 'org', role, org }),
  orgs: <E>(role: Role, orgs: (event: E) => string[]): Audience<E> => ({ kind: 'orgs', role, orgs }),
  users: <E>(role: Role, users: (event: E) => string[]): Audience<E> => ({ kind: 'users', role, users }),
  /**
   * The team, solver or expert behind a matching profile. An expert's profile belongs to a person: the one `owner`
   * reads from the event (`data.ownerId`), else the one the directory learnt from the profile's registration; only
   * when neither is known (events from before the owner was published) the organisation behind the profile, as the
   * directory knows it — for an expert, the expert audience of the employer.
   */
  profileOwner: <E>(profile: (event: E) => string, owner?: (event: E) => string | undefined): Audience<E> => ({
    kind: 'profile-owner',
    profile,
    owner,
  }),
  districtOffice: <E>(district: (event: E) => string): Audience<E> => ({ kind: 'district-office', district }),
  bureau: <E>(): Audience<E> => ({ kind: 'bureau' }),
};

export function addressesOf<E>(audiences: Audience<E>[], event: E): Address[] {
  return audiences.flatMap((a): Address[] => {
    switch (a.kind) {
      case 'org':
        return [{ kind: 'org', orgId: a.org(event), role: a.role }];
      case 'orgs':
        return a.orgs(event).map((orgId) => ({ kind: 'org', orgId, role: a.role }));
      case 'users':
        return a.users(event).map((userId) => ({ kind: 'user', userId, role: a.role }));
      case 'profile-owner':
        return [{ kind: 'profile', profileId: a.profile(event), ownerId: a.owner?.(event) ?? null }];
      case 'district-office':
        return [{ kind: 'desk', role: 'district', district: a.district(event) }];
      case 'bureau':
        return [{ kind: 'desk', role: 'bureau' }];
    }
  });
}
