import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DISTRICTS, DomainError, type Principal, type Role } from '@jiebang/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Address } from '../catalogue/audience';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import type { AudienceContacts, DirectorySnapshot } from './directory.domain';
import { Member } from './member.entity';
import type { Organisation } from './organisation.entity';
import { Profile } from './profile.entity';

export interface OrganisationInput {
  id: string;
  name: string | null;
  role: Role;
  districtCode: string | null;
}

/** An organisation as notifications know it, with the contacts of the role it is known in. */
export type OrganisationView = Organisation & { emails: string[] };

/** The caller's audience (organisation × role): where its notices are e-mailed, and the organisation's entry. */
export interface MyAudience {
  orgId: string;
  role: Role;
  emails: string[];
  directory: { name: string | null; role: Role; districtCode: string | null } | null;
}

const ORGANISATION_COLUMNS = `o.id, o.name, o.role, o.district_code AS "districtCode", coalesce(c.emails, '{}') AS emails, o.updated_at AS "updatedAt"`;
const WITH_CONTACTS = `directory_organisations o LEFT JOIN directory_contacts c ON c.org_id = o.id AND c.role = o.role`;

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
  ) {}

  /** Creates the desks if missing, and puts back a desk's role (and a district office's district) if it was changed. */
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
    await this.dataSource.query(
      `INSERT INTO directory_organisations AS o (id, name, role, district_code)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT (id) DO UPDATE SET role = EXCLUDED.role,
         district_code = CASE WHEN EXCLUDED.role = 'district' THEN EXCLUDED.district_code ELSE o.district_code END, updated_at = now()
       WHERE o.role <> EXCLUDED.role OR (EXCLUDED.role = 'district' AND o.district_code IS DISTINCT FROM EXCLUDED.district_code)`,
      [desks.map((d) => d.id), desks.map((d) => d.name), desks.map((d) => d.role), desks.map((d) => d.districtCode)],
    );
  }

  /**
   * Learns an organisation from an event. Never changes its role: a fact about the organisation in another role
   * (an expert's profile naming the team that employs them) adds nothing, and only one in its own role refreshes
   * its name and district.
   *
   * Nearly every event names an organisation the directory already knows as it is, so that case touches nothing:
   * `ON CONFLICT DO UPDATE` locks the row even when its WHERE skips the update, and that lock, held to the end of the
   * event's transaction, made every event of one enterprise wait for the one before it on another partition.
   */
  async learn(em: EntityManager, org: OrganisationInput): Promise<void> {
    await em.query(
      `WITH v (id, name, role, district_code) AS (VALUES ($1::text, $2::text, $3::text, $4::char(6)))
       INSERT INTO directory_organisations AS o (id, name, role, district_code)
       SELECT * FROM v WHERE NOT EXISTS (
         SELECT 1 FROM directory_organisations k WHERE k.id = v.id AND (k.role <> v.role OR (
           k.name IS NOT DISTINCT FROM COALESCE(v.name, k.name) AND k.district_code IS NOT DISTINCT FROM COALESCE(v.district_code, k.district_code))))
       ON CONFLICT (id) DO UPDATE SET name = COALESCE(EXCLUDED.name, o.name),
         district_code = COALESCE(EXCLUDED.district_code, o.district_code), updated_at = now()
       WHERE o.role = EXCLUDED.role`,
      [org.id, org.name, org.role, org.districtCode],
    );
  }

  /**
   * Remembers whose a matching profile is; an older snapshot never overwrites a newer one, and a snapshot that names
   * no owner (from a producer that did not publish it yet) keeps the owner already known.
   */
  async learnProfile(em: EntityManager, profile: Profile): Promise<void> {
    await em.query(
      `INSERT INTO directory_profiles (profile_id, org_id, role, name, owner_id, sequence) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (profile_id) DO UPDATE SET org_id = EXCLUDED.org_id, role = EXCLUDED.role, name = EXCLUDED.name,
         owner_id = COALESCE(EXCLUDED.owner_id, directory_profiles.owner_id), sequence = EXCLUDED.sequence
         WHERE directory_profiles.sequence < EXCLUDED.sequence`,
      [profile.profileId, profile.orgId, profile.role, profile.name, profile.ownerId, profile.sequence],
    );
  }

  /** The bureau, an admin or the seeds: the whole entry (its role included), and the contacts of that role. */
  async upsert(org: OrganisationInput & { emails: string[] }, by: Principal): Promise<OrganisationView> {
    await this.dataSource.transaction(async (em) => {
      await em.query(
        `INSERT INTO directory_organisations (id, name, role, district_code) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, district_code = EXCLUDED.district_code,
           updated_at = now()`,
        [org.id, org.name, org.role, org.districtCode],
      );
      await this.saveContacts(em, { orgId: org.id, role: org.role, emails: org.emails }, by.sub);
    });
    return this.get(org.id);
  }

  /** A member sets where the notices of their audience (their organisation, in the role they act in) are e-mailed. */
  async setContacts(p: Principal, emails: string[]): Promise<MyAudience> {
    await this.saveContacts(this.dataSource.manager, { orgId: p.orgId, role: p.role, emails }, p.sub);
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
    await this.dataSource.getRepository(Member).upsert(member, ['userId']);
    return member;
  }

  async get(orgId: string): Promise<OrganisationView> {
    const [org]: OrganisationView[] = await this.dataSource.query(`SELECT ${ORGANISATION_COLUMNS} FROM ${WITH_CONTACTS} WHERE o.id = $1`, [orgId]);
    if (!org) throw DomainError.notFound('ORGANISATION_NOT_FOUND', '通讯录中没有该机构', { orgId });
    return org;
  }

  async mine(p: Principal): Promise<MyAudience> {
    const [org] = await this.dataSource.query(
      `SELECT name, role, district_code AS "districtCode" FROM directory_organisations WHERE id = $1`,
      [p.orgId],
    );
    const [contacts] = await this.dataSource.query(`SELECT emails FROM directory_contacts WHERE org_id = $1 AND role = $2`, [p.orgId, p.role]);
    return { orgId: p.orgId, role: p.role, emails: contacts?.emails ?? [], directory: org ?? null };
  }

  async list(q: { role?: Role; districtCode?: string; page: number; pageSize: number }) {
    const where = `($1::text IS NULL OR o.role = $1) AND ($2::text IS NULL OR o.district_code = $2)`;
    const params = [q.role ?? null, q.districtCode ?? null];
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(`SELECT ${ORGANISATION_COLUMNS} FROM ${WITH_CONTACTS} WHERE ${where} ORDER BY o.role, o.id LIMIT $3 OFFSET $4`, [
        ...params,
        q.pageSize,
        (q.page - 1) * q.pageSize,
      ]),
      this.dataSource.query(`SELECT count(*)::int AS total FROM directory_organisations o WHERE ${where}`, params),
    ]);
    return { items: items as OrganisationView[], total: total as number };
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
      bureau || districts.length
        ? em.query(
            `SELECT o.id, o.role, o.district_code AS "districtCode", coalesce(c.emails, '{}') AS emails FROM ${WITH_CONTACTS}
             WHERE (o.role = 'bureau' AND $1) OR (o.role = 'district' AND o.district_code::text = ANY($2))`,
            [bureau, districts],
          )
        : [],
      orgs.length ? this.contactsOf(em, orgs) : [],
      userIds.length || profileIds.length
        ? em.query(
            `SELECT user_id AS "userId", org_id AS "orgId", email FROM directory_members
             WHERE user_id = ANY($1) OR user_id IN (SELECT owner_id FROM directory_profiles WHERE profile_id = ANY($2))`,
            [userIds, profileIds],
          )
        : [],
      profileIds.length
        ? em.query(
            `SELECT p.profile_id AS "profileId", p.org_id AS "orgId", p.role, p.owner_id AS "ownerId", coalesce(c.emails, '{}') AS emails
             FROM directory_profiles p LEFT JOIN directory_contacts c ON c.org_id = p.org_id AND c.role = p.role
             WHERE p.profile_id = ANY($1)`,
            [profileIds],
          )
        : [],
    ]);
    return { desks, contacts, members, profiles };
  }

  private contactsOf(em: EntityManager, audiences: { orgId: string; role: Role }[]): Promise<AudienceContacts[]> {
    return em.query(
      `SELECT org_id AS "orgId", role, emails FROM directory_contacts
       WHERE (org_id, role) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [audiences.map((a) => a.orgId), audiences.map((a) => a.role)],
    );
  }

  private async saveContacts(em: EntityManager, c: AudienceContacts, by: string): Promise<void> {
    await em.query(
      `INSERT INTO directory_contacts (org_id, role, emails, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (org_id, role) DO UPDATE SET emails = EXCLUDED.emails, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [c.orgId, c.role, c.emails, by],
    );
  }
}
