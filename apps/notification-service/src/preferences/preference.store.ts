import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { OrgRole } from '../directory/directory.domain';
import { Preference } from './preference.entity';

/** The audiences' (organisation × role) choices per category and channel. */
@Injectable()
export class PreferenceStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findForAudiences(em: EntityManager, audiences: OrgRole[]): Promise<Pick<Preference, 'orgId' | 'role' | 'category' | 'channel' | 'mode'>[]> {
    return em.query(
      `SELECT org_id AS "orgId", role, category, channel, mode FROM preferences
       WHERE (org_id, role) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [audiences.map((a) => a.orgId), audiences.map((a) => a.role)],
    );
  }

  /** Each row replaces its audience's choice for its category and channel. */
  async upsertPreferences(rows: Preference[]): Promise<void> {
    await this.dataSource.getRepository(Preference).upsert(rows, ['orgId', 'role', 'category', 'channel']);
  }
}
