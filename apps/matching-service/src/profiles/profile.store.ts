import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CandidateKind, Principal } from '@jiebang/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { CandidateAnalysis } from '../engine/candidate';
import { PROFILE_CHANNEL } from '../ranking/profile-index.listener';
import { CandidateProfile } from './candidate-profile.entity';
import type { ProfileRecord } from './profile-record.domain';
import type { ProfileState } from './profile.domain';
import type { ListProfilesQuery } from './profile.dto';
import { scopeProfiles } from './profile.scope';

/**
 * Every query on profiles, their ratings and disputes, named by what it does. Writes take the use case's
 * EntityManager, so they commit with its outbox row; reads for display use the data source.
 */
@Injectable()
export class ProfileStore {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Row lock first, so concurrent commands on one profile serialise and its events keep their order. */
  /** Serialises commands on one profile id for the rest of the transaction, whether or not its row exists yet. */
  async lockId(em: EntityManager, id: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('candidate_profile:' || $1, 0))`, [id]);
  }

  lockById(em: EntityManager, id: string): Promise<CandidateProfile | null> {
    return em.findOne(CandidateProfile, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  loadById(em: EntityManager, id: string): Promise<CandidateProfile> {
    return em.findOneOrFail(CandidateProfile, { where: { id } });
  }

  /** The profile if `principal` may read it (profile.scope.ts). */
  findReadable(principal: Principal, id: string): Promise<CandidateProfile | null> {
    return scopeProfiles(this.ds.getRepository(CandidateProfile).createQueryBuilder('p'), principal)
      .andWhere('p.id = :id', { id })
      .getOne();
  }

  /** One page of the profiles `principal` may read, most recently changed first. */
  async listReadable(principal: Principal, q: ListProfilesQuery): Promise<{ items: CandidateProfile[]; total: number }> {
    const qb = scopeProfiles(this.ds.getRepository(CandidateProfile).createQueryBuilder('p'), principal);
    if (q.kind) qb.andWhere('p.kind = :kind', { kind: q.kind });
    if (q.districtCode) qb.andWhere('p.district_code = :district', { district: q.districtCode });
    if (q.field) qb.andWhere('p.fields @> :field::jsonb', { field: JSON.stringify([q.field]) });
    const [items, total] = await qb
      .orderBy('p.updated_at', 'DESC')
      .addOrderBy('p.id')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /**
   * Writes a whole profile if it is newer than the stored one ("apply if newer" on the aggregate version), so a
   * write never takes a profile back to an older version. Returns whether the row changed.
   */
  async save(em: EntityManager, s: ProfileState, analysis: CandidateAnalysis, at: Date): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO candidate_profiles AS p
         (id, version, kind, name, org_id, org_name, owner_id, district_code, region, city, fields, capabilities, past_work,
          keywords, max_load, open_load, affiliations, suspended, willingness, analysis, withdrawn_at, updated_at, org_type,
          qualifications)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)
       ON CONFLICT (id) DO UPDATE SET
         version = EXCLUDED.version, name = EXCLUDED.name, org_id = EXCLUDED.org_id, org_name = EXCLUDED.org_name,
         district_code = EXCLUDED.district_code, region = EXCLUDED.region, city = EXCLUDED.city, fields = EXCLUDED.fields,
         capabilities = EXCLUDED.capabilities, past_work = EXCLUDED.past_work, keywords = EXCLUDED.keywords,
         max_load = EXCLUDED.max_load, open_load = EXCLUDED.open_load, affiliations = EXCLUDED.affiliations,
         suspended = EXCLUDED.suspended, willingness = EXCLUDED.willingness, analysis = EXCLUDED.analysis,
         withdrawn_at = EXCLUDED.withdrawn_at, updated_at = EXCLUDED.updated_at,
         org_type = EXCLUDED.org_type, qualifications = EXCLUDED.qualifications
       WHERE p.version < EXCLUDED.version
       RETURNING id`,
      [
        s.id,
        s.version,
        s.kind,
        s.name,
        s.orgId,
        s.orgName,
        s.ownerId,
        s.districtCode,
        s.region,
        s.city,
        JSON.stringify(s.fields),
        s.capabilities,
        JSON.stringify(s.pastWork),
        JSON.stringify(s.keywords),
        s.maxLoad,
        s.openLoad,
        JSON.stringify(s.affiliations),
        s.suspended,
        s.willingness,
        JSON.stringify(analysis),
        s.withdrawnAt,
        at,
        s.orgType ?? null,
        JSON.stringify(s.qualifications ?? []),
      ],
    );
    if (rows.length > 0) await this.notifyChanged(em, s.id);
    return rows.length > 0;
  }

  /** Moves the version to `version` if it is newer, with the columns a partial change sets. */
  async bump(
    em: EntityManager,
    id: string,
    version: number,
    set: { openLoad?: number; maxLoad?: number; withdrawnAt?: Date },
    at: Date,
  ): Promise<boolean> {
    // TypeORM answers an UPDATE with [returned rows, affected count].
    const [rows] = (await em.query(
      `UPDATE candidate_profiles SET version = $2, updated_at = $3,
         open_load = COALESCE($4, open_load), max_load = COALESCE($5, max_load), withdrawn_at = COALESCE($6, withdrawn_at)
       WHERE id = $1 AND version < $2
       RETURNING id`,
      [id, version, at, set.openLoad ?? null, set.maxLoad ?? null, set.withdrawnAt ?? null],
    )) as [unknown[], number];
    if (rows.length > 0) await this.notifyChanged(em, id);
    return rows.length > 0;
  }

  async hasRating(em: EntityManager, profileId: string, ratingId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(`SELECT 1 FROM candidate_ratings WHERE profile_id = $1 AND rating_id = $2`, [profileId, ratingId]);
    return rows.length > 0;
  }

  async insertRating(
    em: EntityManager,
    profileId: string,
    r: { ratingId: string; score: number; ratedAt: Date; enterpriseOrgId: string },
  ): Promise<void> {
    await em.query(
      `INSERT INTO candidate_ratings (profile_id, rating_id, score, rated_at, enterprise_org_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [profileId, r.ratingId, r.score, r.ratedAt, r.enterpriseOrgId],
    );
  }

  async hasDispute(em: EntityManager, profileId: string, disputeId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(`SELECT 1 FROM candidate_disputes WHERE profile_id = $1 AND dispute_id = $2`, [profileId, disputeId]);
    return rows.length > 0;
  }

  async insertDispute(
    em: EntityManager,
    profileId: string,
    d: { disputeId: string; enterpriseOrgId: string; upheldAt: Date; reason: string },
  ): Promise<void> {
    await em.query(
      `INSERT INTO candidate_disputes (profile_id, dispute_id, enterprise_org_id, upheld_at, reason) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [profileId, d.disputeId, d.enterpriseOrgId, d.upheldAt, d.reason],
    );
  }

  /**
   * Every affiliation ever declared on a profile of this candidate — its organisation's profiles of this kind, or
   * for an expert the profiles it owns, withdrawn ones included — so a new self-registration keeps them (回避).
   */
  async recordedAffiliations(em: EntityManager, kind: CandidateKind, p: Principal): Promise<string[]> {
    const rows: { affiliation: string }[] = await em.query(
      `SELECT DISTINCT jsonb_array_elements_text(affiliations) AS affiliation FROM candidate_profiles
        WHERE kind = $1 AND (CASE WHEN kind = 'expert' THEN owner_id = $2 ELSE org_id = $3 END)`,
      [kind, p.sub, p.orgId],
    );
    return rows.map((r) => r.affiliation).sort();
  }

  /** Delivered to listeners only when the transaction commits, so an index never sees a rolled-back change. */
  /** A finished project of the profile, once (project id): whether this call recorded it. */
  async insertRecord(em: EntityManager, r: ProfileRecord, eventId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO profile_records (project_id, profile_id, challenge_id, challenge_title, application_id, outcome, ended_at, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (project_id) DO NOTHING RETURNING project_id`,
      [r.projectId, r.profileId, r.challengeId, r.challengeTitle, r.applicationId, r.outcome, r.endedAt, eventId],
    );
    return rows.length > 0;
  }

  async records(em: EntityManager, profileId: string): Promise<ProfileRecord[]> {
    return (await em.query(
      `SELECT project_id AS "projectId", profile_id AS "profileId", challenge_id AS "challengeId", challenge_title AS "challengeTitle",
              application_id AS "applicationId", outcome, ended_at AS "endedAt"
         FROM profile_records WHERE profile_id = $1 ORDER BY ended_at, project_id`,
      [profileId],
    )) as ProfileRecord[];
  }

  /** The analysis redone with new records, at the same version (no content of the owner's changed); indexes refresh. */
  async saveAnalysis(em: EntityManager, id: string, analysis: CandidateAnalysis, at: Date): Promise<void> {
    await em.query(`UPDATE candidate_profiles SET analysis = $2, updated_at = $3 WHERE id = $1`, [id, JSON.stringify(analysis), at]);
    await this.notifyChanged(em, id);
  }

  private async notifyChanged(em: EntityManager, id: string): Promise<void> {
    await em.query(`SELECT pg_notify($1, $2)`, [PROFILE_CHANNEL, id]);
  }
}
