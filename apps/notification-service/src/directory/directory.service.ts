import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DISTRICTS, DomainError, type Principal, type Role } from '@jiebang/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Address } from '../catalogue/audience';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { Member } from './member.entity';
import { Organisation } from './organisation.entity';
import { Profile } from './profile.entity';

/** A recipient found in the directory: an organisation (in a role) or a person, and where to e-mail them. */
export interface DirectoryRecipient {
  orgId: string | null;
  userId: string | null;
  role: Role;
  emails: string[];
}

export interface OrganisationInput {
  id: string;
  name: string | null;
  role: Role;
  districtCode: string | null;
}

/**
 * The directory read model: organisations learnt from events, from callers' tokens and from seeds, and the desks
 * every deployment has (the bureau, the 38 district offices), so notices address organisations and roles.
 */
@Injectable()
export class DirectoryService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  /** Creates the desks if missing; never overwrites what seeds or owners have set. */
  async onApplicationBootstrap(): Promise<void> {
    const desks: OrganisationInput[] = [
      { id: this.config.BUREAU_ORG_ID, name: '重庆市科学技术局', role: 'bureau', districtCode: null },
      ...DISTRICTS.map((d) => ({
        id: this.config.DISTRICT_OFFICE_ORG_ID.replace('{code}', d.code),
        name: `${d.name}科学技术局`,
        role: 'district' as const,
        districtCode: d.code,
      })),
    ];
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Organisation)
      .values(desks.map((d) => ({ ...d, emails: [], updatedAt: new Date() })))
      .orIgnore()
      .execute();
  }

  /** Learns or refreshes an organisation's identity (not its contacts), e.g. from an event or a caller's token. */
  async learn(em: EntityManager, org: OrganisationInput): Promise<void> {
    await em.query(
      `INSERT INTO directory_organisations (id, name, role, district_code) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = COALESCE(EXCLUDED.name, directory_organisations.name),
         role = EXCLUDED.role, district_code = COALESCE(EXCLUDED.district_code, directory_organisations.district_code),
         updated_at = now()`,
      [org.id, org.name, org.role, org.districtCode],
    );
  }

  /** Remembers whose a matching profile is; an older snapshot never overwrites a newer one. */
  async learnProfile(em: EntityManager, profile: Profile): Promise<void> {
    await em.query(
      `INSERT INTO directory_profiles (profile_id, org_id, role, name, sequence) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (profile_id) DO UPDATE SET org_id = EXCLUDED.org_id, role = EXCLUDED.role, name = EXCLUDED.name,
         sequence = EXCLUDED.sequence WHERE directory_profiles.sequence < EXCLUDED.sequence`,
      [profile.profileId, profile.orgId, profile.role, profile.name, profile.sequence],
    );
  }

  /** Seeds and operators: the whole entry, contacts included. */
  async upsert(org: OrganisationInput & { emails: string[] }): Promise<Organisation> {
    await this.dataSource.query(
      `INSERT INTO directory_organisations (id, name, role, district_code, emails) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, district_code = EXCLUDED.district_code,
         emails = EXCLUDED.emails, updated_at = now()`,
      [org.id, org.name, org.role, org.districtCode, org.emails],
    );
    return this.get(org.id);
  }

  /** A member sets their organisation's contact addresses. */
  async setContacts(p: Principal, emails: string[]): Promise<Organisation> {
    await this.dataSource.transaction(async (em) => {
      await this.learn(em, fromPrincipal(p));
      await em.update(Organisation, { id: p.orgId }, { emails, updatedAt: new Date() });
    });
    return this.get(p.orgId);
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
    await this.dataSource.getRepository(Member).upsert(member, ['userId']);
    return member;
  }

  async get(orgId: string): Promise<Organisation> {
    const org = await this.dataSource.getRepository(Organisation).findOneBy({ id: orgId });
    if (!org) throw DomainError.notFound('ORGANISATION_NOT_FOUND', '通讯录中没有该机构', { orgId });
    return org;
  }

  async mine(p: Principal): Promise<Organisation> {
    const org = await this.dataSource.getRepository(Organisation).findOneBy({ id: p.orgId });
    return org ?? { ...fromPrincipal(p), emails: [], updatedAt: new Date() };
  }

  async list(q: { role?: Role; districtCode?: string; page: number; pageSize: number }) {
    const [items, total] = await this.dataSource.getRepository(Organisation).findAndCount({
      where: { ...(q.role ? { role: q.role } : {}), ...(q.districtCode ? { districtCode: q.districtCode } : {}) },
      order: { role: 'ASC', id: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return { items, total };
  }

  /** Addresses → recipients: desks become the organisations holding them; duplicates collapse. */
  async resolve(em: EntityManager, addresses: Address[]): Promise<DirectoryRecipient[]> {
    const found = new Map<string, DirectoryRecipient>();
    const add = (r: DirectoryRecipient) => found.set(r.userId ? `user:${r.userId}` : `org:${r.orgId}`, r);
    const orgIds = addresses.flatMap((a) => (a.kind === 'org' ? [a.orgId] : []));
    const userIds = addresses.flatMap((a) => (a.kind === 'user' ? [a.userId] : []));
    const orgs = new Map((await em.findBy(Organisation, { id: In(orgIds) })).map((o) => [o.id, o]));
    const members = new Map((await em.findBy(Member, { userId: In(userIds) })).map((m) => [m.userId, m]));
    const profileIds = addresses.flatMap((a) => (a.kind === 'profile' ? [a.profileId] : []));
    const profiles = await em.findBy(Profile, { profileId: In(profileIds) });
    const profileOrgs = new Map((await em.findBy(Organisation, { id: In(profiles.map((p) => p.orgId)) })).map((o) => [o.id, o]));
    for (const a of addresses) {
      if (a.kind === 'org') add({ orgId: a.orgId, userId: null, role: a.role, emails: orgs.get(a.orgId)?.emails ?? [] });
      if (a.kind === 'user') {
        const m = members.get(a.userId);
        add({ orgId: m?.orgId ?? null, userId: a.userId, role: a.role, emails: m?.email ? [m.email] : [] });
      }
      if (a.kind === 'profile') {
        // A fact about a profile the directory never saw registered has nobody to tell.
        for (const p of profiles.filter((x) => x.profileId === a.profileId)) {
          add({ orgId: p.orgId, userId: null, role: p.role, emails: profileOrgs.get(p.orgId)?.emails ?? [] });
        }
      }
      if (a.kind === 'desk') {
        const where = a.role === 'district' ? { role: a.role, districtCode: a.district } : { role: a.role };
        for (const o of await em.findBy(Organisation, where)) add({ orgId: o.id, userId: null, role: o.role, emails: o.emails });
      }
    }
    return [...found.values()];
  }
}

function fromPrincipal(p: Principal): OrganisationInput {
  return { id: p.orgId, name: p.orgName ?? null, role: p.role, districtCode: p.districtCode ?? null };
}
