import type { Role } from '@jiebang/contracts';
import type { Address } from '../catalogue/audience';

/** A recipient found in the directory: an organisation (in a role) or a person, and where to e-mail them. */
export interface DirectoryRecipient {
  orgId: string | null;
  userId: string | null;
  role: Role;
  emails: string[];
}

/** What the directory knows about the addresses of one event, loaded in a few queries. */
export interface DirectorySnapshot {
  orgs: { id: string; role: Role; districtCode: string | null; emails: string[] }[];
  members: { userId: string; orgId: string; email: string | null }[];
  profiles: { profileId: string; orgId: string; role: Role; emails: string[] }[];
}

/**
 * Addresses → recipients. Desks become the organisations holding them; an organisation named by an event is
 * addressed even before the directory knows it (its inbox works, it just has no e-mail yet); a profile the directory
 * never saw registered has nobody to tell. Duplicates collapse.
 */
export function recipientsOf(addresses: Address[], dir: DirectorySnapshot): DirectoryRecipient[] {
  const found = new Map<string, DirectoryRecipient>();
  const add = (r: DirectoryRecipient) => found.set(r.userId ? `user:${r.userId}` : `org:${r.orgId}`, r);
  for (const a of addresses) {
    if (a.kind === 'org') add({ orgId: a.orgId, userId: null, role: a.role, emails: dir.orgs.find((o) => o.id === a.orgId)?.emails ?? [] });
    if (a.kind === 'user') {
      const m = dir.members.find((x) => x.userId === a.userId);
      add({ orgId: m?.orgId ?? null, userId: a.userId, role: a.role, emails: m?.email ? [m.email] : [] });
    }
    if (a.kind === 'profile') {
      for (const p of dir.profiles.filter((x) => x.profileId === a.profileId)) add({ orgId: p.orgId, userId: null, role: p.role, emails: p.emails });
    }
    if (a.kind === 'desk') {
      const desks = dir.orgs.filter((o) => o.role === a.role && (a.role !== 'district' || o.districtCode === a.district));
      for (const o of desks) add({ orgId: o.id, userId: null, role: o.role, emails: o.emails });
    }
  }
  return [...found.values()];
}
