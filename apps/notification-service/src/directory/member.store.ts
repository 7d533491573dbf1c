import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { DirectorySnapshot } from './directory.domain';
import { Member } from './member.entity';

/** People registered with notifications, so notices addressed to them reach them. */
@Injectable()
export class MemberStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async upsertMember(member: Member): Promise<void> {
    await this.dataSource.getRepository(Member).upsert(member, ['userId']);
  }

  /** These people, and the owners the directory learnt of these profiles. */
  findMembers(em: EntityManager, q: { userIds: string[]; profileIds: string[] }): Promise<DirectorySnapshot['members']> {
    return em.query(
      `SELECT user_id AS "userId", org_id AS "orgId", email FROM directory_members
       WHERE user_id = ANY($1) OR user_id IN (SELECT owner_id FROM directory_profiles WHERE profile_id = ANY($2))`,
      [q.userIds, q.profileIds],
    );
  }
}
