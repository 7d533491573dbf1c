import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DISTRICTS, DomainError, type Principal, type Role } from '@jiebang/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Address } from '../catalogue/audience';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import type { DirectorySnapshot } from './directory.domain';
import { Member } from './member.entity';
import { Organisation } from './organisation.entity';
import { Profile } from './profile.entity';

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

  /** Everything the directory knows about these addresses, in at most three queries. */
  async snapshot(em: EntityManager, addresses: Address[]): Promise<DirectorySnapshot> {
    const ids = (kind: Address['kind'], pick: (a: any) => string) => addresses.filter((a) => a.kind === kind).map(pick);
    const orgIds = ids('org', (a) => a.orgId);
    const userIds = ids('user', (a) => a.userId);
    const profileIds = ids('profile', (a) => a.profileId);
    const bureau = addresses.some((a) => a.kind === 'desk' && a.role === 'bureau');
    const districts = addresses.flatMap((a) => (a.kind === 'desk' && a.role === 'district' ? [a.district] : []));
    const [orgs, members, profiles] = await Promise.all([
      orgIds.length || bureau || districts.length
        ? em.query(
            `SELECT id, role, district_code AS "districtCode", emails FROM directory_organisations
             WHERE id = ANY($1) OR (role = 'bureau' AND $2) OR (role = 'district' AND district_code::text = ANY($3))`,
            [orgIds, bureau, districts],
          )
        : [],
      userIds.length
        ? em.query(`SELECT user_id AS "userId", org_id AS "orgId", email FROM directory_members WHERE user_id = ANY($1)`, [userIds])
        : [],
      profileIds.length
        ? em.query(
            `SELECT p.profile_id AS "profileId", p.org_id AS "orgId", p.role, coalesce(o.emails, '{}') AS emails
             FROM directory_profiles p LEFT JOIN directory_organisations o ON o.id = p.org_id WHERE p.profile_id = ANY($1)`,
            [profileIds],
          )
        : [],
    ]);
    return { orgs, members, profiles };
  }
}

function fromPrincipal(p: Principal): OrganisationInput {
  return { id: p.orgId, name: p.orgName ?? null, role: p.role, districtCode: p.districtCode ?? null };
}
