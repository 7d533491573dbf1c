import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DISTRICTS, DomainError, type Principal, type Role } from '@jiebang/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Address } from '../catalogue/audience';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import type { DirectorySnapshot } from './directory.domain';
import type { Member } from './member.entity';
import { MemberStore } from './member.store';
import { OrganisationStore, type OrganisationView } from './organisation.store';
import type { Profile } from './profile.entity';
import { ProfileStore } from './profile.store';

export interface OrganisationInput {
  id: string;
  name: string | null;
  role: Role;
  districtCode: string | null;
}

/** The caller's audience (organisation × role): where its notices are e-mailed, and the organisation's entry. */
export interface MyAudience {
  orgId: string;
  role: Role;
  emails: string[];
  directory: { name: string | null; role: Role; districtCode: string | null } | null;
}

/**
 * The directory read model: organisations learnt from events and seeds, and the desks every deployment has (the
 * bureau, the 38 district offices), so notices address organisations and roles. Contacts belong to an audience
 * (organisation × role): a member sets those of the role they act in, nothing else. An organisation's role is set
 * by the bureau or an admin; events only fill it in for an organisation not yet known, so no token and no later
 * event (an expert profile naming its employer, say) re-labels an organisation.
 */
@Injectable()
export class DirectoryService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    private readonly organisations: OrganisationStore,
    private readonly members: MemberStore,
    private readonly profiles: ProfileStore,
  ) {}

  /** Creates the desks if missing, and puts back a desk's role (and a district office's district) if it was changed. */
  async onApplicationBootstrap(): Promise<void> {
    await this.organisations.restoreDesks([
      { id: this.config.BUREAU_ORG_ID, name: '重庆市科学技术局', role: 'bureau', districtCode: null },
      ...DISTRICTS.map((d) => ({
        id: this.config.DISTRICT_OFFICE_ORG_ID.replace('{code}', d.code),
        name: `${d.name}科学技术局`,
        role: 'district' as const,
        districtCode: d.code,
      })),
    ]);
  }

  /**
   * Learns an organisation from an event. Never changes its role: a fact about the organisation in another role
   * (an expert's profile naming the team that employs them) adds nothing, and only one in its own role refreshes
   * its name and district.
   */
  learn(em: EntityManager, org: OrganisationInput): Promise<void> {
    return this.organisations.learnOrganisation(em, org);
  }

  /** Remembers whose a matching profile is. */
  learnProfile(em: EntityManager, profile: Profile): Promise<void> {
    return this.profiles.learnProfile(em, profile);
  }

  /** The bureau, an admin or the seeds: the whole entry (its role included), and the contacts of that role. */
  async upsert(org: OrganisationInput & { emails: string[] }, by: Principal): Promise<OrganisationView> {
    await this.dataSource.transaction(async (em) => {
      await this.organisations.upsertOrganisation(em, org);
      await this.organisations.saveContacts(em, { orgId: org.id, role: org.role, emails: org.emails }, by.sub);
    });
    return this.get(org.id);
  }

  /** A member sets where the notices of their audience (their organisation, in the role they act in) are e-mailed. */
  async setContacts(p: Principal, emails: string[]): Promise<MyAudience> {
    await this.organisations.saveContacts(this.dataSource.manager, { orgId: p.orgId, role: p.role, emails }, p.sub);
    return this.mine(p);
  }

  /** A person registers (e.g. an expert), so notices addressed to them can be e-mailed. */
  async registerMember(p: Principal, input: { email: string | null; name: string | null }): Promise<Member> {
    const member: Member = {
      userId: p.sub,
      orgId: p.orgId,
      role: p.role,
      name: input.name ?? p.name ?? null,
      email: input.email,
      updatedAt: new Date(),
    };
    await this.members.upsertMember(member);
    return member;
  }

  async get(orgId: string): Promise<OrganisationView> {
    const org = await this.organisations.findOrganisation(orgId);
    if (!org) throw DomainError.notFound('ORGANISATION_NOT_FOUND', '通讯录中没有该机构', { orgId });
    return org;
  }

  async mine(p: Principal): Promise<MyAudience> {
    const org = await this.organisations.findEntry(p.orgId);
    const emails = await this.organisations.findEmails(p);
    return { orgId: p.orgId, role: p.role, emails: emails ?? [], directory: org ?? null };
  }

  list(q: { role?: Role; districtCode?: string; page: number; pageSize: number }) {
    return this.organisations.listOrganisations(q);
  }

  /** Everything the directory knows about these addresses, in at most four queries. */
  async snapshot(em: EntityManager, addresses: Address[]): Promise<DirectorySnapshot> {
    const orgs = addresses.flatMap((a) => (a.kind === 'org' ? [a] : []));
    // People: those addressed, the owners the events name, and (in the query) the owners the directory learnt.
    const userIds = addresses.flatMap((a) => (a.kind === 'user' ? [a.userId] : a.kind === 'profile' && a.ownerId ? [a.ownerId] : []));
    const profileIds = addresses.flatMap((a) => (a.kind === 'profile' ? [a.profileId] : []));
    const bureau = addresses.some((a) => a.kind === 'desk' && a.role === 'bureau');
    const districts = addresses.flatMap((a) => (a.kind === 'desk' && a.role === 'district' ? [a.district] : []));
    const [desks, contacts, members, profiles] = await Promise.all([
      bureau || districts.length ? this.organisations.findDesks(em, { bureau, districts }) : [],
      orgs.length ? this.organisations.findContacts(em, orgs) : [],
      userIds.length || profileIds.length ? this.members.findMembers(em, { userIds, profileIds }) : [],
      profileIds.length ? this.profiles.findProfiles(em, profileIds) : [],
    ]);
    return { desks, contacts, members, profiles };
  }
}
