import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@jiebang/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AudienceContacts, DirectorySnapshot } from './directory.domain';
import type { Organisation } from './organisation.entity';

type Entry = Pick<Organisation, 'id' | 'name' | 'role' | 'districtCode'>;

/** An organisation as notifications know it, with the contacts of the role it is known in. */
export type OrganisationView = Organisation & { emails: string[] };

const ORGANISATION_COLUMNS = `o.id, o.name, o.role, o.district_code AS "districtCode", coalesce(c.emails, '{}') AS emails, o.updated_at AS "updatedAt"`;
const WITH_CONTACTS = `directory_organisations o LEFT JOIN directory_contacts c ON c.org_id = o.id AND c.role = o.role`;

/** Organisations and the contacts of their audiences (organisation × role). */
@Injectable()
export class OrganisationStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the missing desks; puts back a desk's role (and a district office's district) where it was changed. */
  async restoreDesks(desks: Entry[]): Promise<void> {
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
   * Adds an organisation not known yet; refreshes the name and district (where given) of one known in this role;
   * leaves one known in another role alone.
   *
   * Nearly every event names an organisation the directory already knows as it is, so that case touches nothing:
   * `ON CONFLICT DO UPDATE` locks the row even when its WHERE skips the update, and that lock, held to the end of the
   * event's transaction, made every event of one enterprise wait for the one before it on another partition.
   */
  async learnOrganisation(em: EntityManager, org: Entry): Promise<void> {
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

  /** Writes the whole entry, its role included. */
  async upsertOrganisation(em: EntityManager, org: Entry): Promise<void> {
    await em.query(
      `INSERT INTO directory_organisations (id, name, role, district_code) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, district_code = EXCLUDED.district_code,
         updated_at = now()`,
      [org.id, org.name, org.role, org.districtCode],
    );
  }

  async saveContacts(em: EntityManager, c: AudienceContacts, by: string): Promise<void> {
    await em.query(
      `INSERT INTO directory_contacts (org_id, role, emails, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (org_id, role) DO UPDATE SET emails = EXCLUDED.emails, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [c.orgId, c.role, c.emails, by],
    );
  }

  async findOrganisation(orgId: string): Promise<OrganisationView | undefined> {
    const [org]: OrganisationView[] = await this.dataSource.query(`SELECT ${ORGANISATION_COLUMNS} FROM ${WITH_CONTACTS} WHERE o.id = $1`, [orgId]);
    return org;
  }

  /** The entry alone, without contacts: a member's organisation may be known in a role other than the member's. */
  async findEntry(orgId: string): Promise<Pick<Organisation, 'name' | 'role' | 'districtCode'> | undefined> {
    const [org] = await this.dataSource.query(`SELECT name, role, district_code AS "districtCode" FROM directory_organisations WHERE id = $1`, [
      orgId,
    ]);
    return org;
  }

  async findEmails(audience: { orgId: string; role: Role }): Promise<string[] | undefined> {
    const [contacts] = await this.dataSource.query(`SELECT emails FROM directory_contacts WHERE org_id = $1 AND role = $2`, [
      audience.orgId,
      audience.role,
    ]);
    return contacts?.emails;
  }

  async listOrganisations(q: { role?: Role; districtCode?: string; page: number; pageSize: number }): Promise<{ items: OrganisationView[]; total: number }> {
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
    return { items, total };
  }

  /** The bureau (if asked for) and the offices of these districts, each with the contacts of its desk role. */
  findDesks(em: EntityManager, q: { bureau: boolean; districts: string[] }): Promise<DirectorySnapshot['desks']> {
    return em.query(
      `SELECT o.id, o.role, o.district_code AS "districtCode", coalesce(c.emails, '{}') AS emails FROM ${WITH_CONTACTS}
       WHERE (o.role = 'bureau' AND $1) OR (o.role = 'district' AND o.district_code::text = ANY($2))`,
      [q.bureau, q.districts],
    );
  }

  findContacts(em: EntityManager, audiences: { orgId: string; role: Role }[]): Promise<AudienceContacts[]> {
    return em.query(
      `SELECT org_id AS "orgId", role, emails FROM directory_contacts
       WHERE (org_id, role) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [audiences.map((a) => a.orgId), audiences.map((a) => a.role)],
    );
  }
}
