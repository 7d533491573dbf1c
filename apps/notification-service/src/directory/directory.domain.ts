import type { Role } from '@jiebang/contracts';
import type { Address } from '../catalogue/audience';

/** A recipient found in the directory: an organisation in a role (an audience) or a person, and where to e-mail them. */
export interface DirectoryRecipient {
  orgId: string | null;
  userId: string | null;
  role: Role;
  emails: string[];
}

/**
 * An audience: an organisation in a role, the unit notices are addressed to and the inbox is scoped by. Contacts,
 * preferences and webhook endpoints belong to one, not to the organisation as a whole.
 */
export interface OrgRole {
  orgId: string;
  role: Role;
}

export const orgRoleKey = (a: OrgRole) => `${a.orgId}/${a.role}`;

export interface AudienceContacts extends OrgRole {
  emails: string[];
}

/** What the directory knows about the addresses of one event, loaded in a few queries. */
export interface DirectorySnapshot {
  /** The desks addressed (the bureau, district offices), each with the contacts of its desk role. */
  desks: { id: string; role: Role; districtCode: string | null; emails: string[] }[];
  /** Contacts of the audiences the event names directly. */
  contacts: AudienceContacts[];
  members: { userId: string; orgId: string; email: string | null }[];
  /**
   * Profiles and the organisation behind each, with the contacts of that audience (organisation, profile kind), and
   * the person owning it (an expert) if its registration named one.
   */
  profiles: { profileId: string; orgId: string; role: Role; ownerId: string | null; emails: string[] }[];
}

/** One recipient, one key: a person by user id, an organisation by the audience (organisation and role). */
export function recipientKey(r: Pick<DirectoryRecipient, 'orgId' | 'userId' | 'role'>): string {
  return r.userId ? `user:${r.userId}` : `org:${orgRoleKey({ orgId: r.orgId ?? '', role: r.role })}`;
}

/**
 * Addresses → recipients. Desks become the organisations holding them; an organisation named by an event is
 * addressed even before the directory knows it (its inbox works, it just has no e-mail yet). A profile owned by a
 * person (an expert) reaches that person — named by the event, or by the profile's registration — and nobody else
 * of the organisation; otherwise the organisation behind it in the profile's role; a profile the directory never saw
 * registered and whose event names no owner has nobody to tell. Duplicates collapse.
 */
export function recipientsOf(addresses: Address[], dir: DirectorySnapshot): DirectoryRecipient[] {
  const found = new Map<string, DirectoryRecipient>();
  const add = (r: DirectoryRecipient) => found.set(recipientKey(r), r);
  for (const a of addresses) {
    if (a.kind === 'org') {
      const contacts = dir.contacts.find((c) => c.orgId === a.orgId && c.role === a.role);
      add({ orgId: a.orgId, userId: null, role: a.role, emails: contacts?.emails ?? [] });
    }
    if (a.kind === 'user') {
      const m = dir.members.find((x) => x.userId === a.userId);
      add({ orgId: m?.orgId ?? null, userId: a.userId, role: a.role, emails: m?.email ? [m.email] : [] });
    }
    if (a.kind === 'profile') {
      const p = dir.profiles.find((x) => x.profileId === a.profileId);
      const owner = a.ownerId ?? p?.ownerId ?? null;
      if (owner) {
        const m = dir.members.find((x) => x.userId === owner);
        add({ orgId: m?.orgId ?? p?.orgId ?? null, userId: owner, role: p?.role ?? 'expert', emails: m?.email ? [m.email] : [] });
      } else if (p) {
        add({ orgId: p.orgId, userId: null, role: p.role, emails: p.emails });
      }
    }
    if (a.kind === 'desk') {
      const desks = dir.desks.filter((o) => o.role === a.role && (a.role !== 'district' || o.districtCode === a.district));
      for (const o of desks) add({ orgId: o.id, userId: null, role: o.role, emails: o.emails });
    }
  }
  return [...found.values()];
}
