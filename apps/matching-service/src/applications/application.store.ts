import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@jiebang/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { CommandContext } from '@jiebang/messaging';
import { KnownChallenge } from '../challenges/known-challenge.entity';
import { CandidateProfile } from '../profiles/candidate-profile.entity';
import type { ApplicationState, Transition } from './application.domain';
import type { ListApplicationsQuery } from './application.dto';
import { Application } from './application.entity';
import { scopeApplications } from './application.scope';

/** Every query on applications, their 榜单 and their audit trail. Writes take the use case's EntityManager. */
@Injectable()
export class ApplicationStore {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  lockById(em: EntityManager, id: string): Promise<Application | null> {
    return em.findOne(Application, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Every application to a 榜单, locked, oldest first (the order the close and the round walk them in). */
  lockByChallenge(em: EntityManager, challengeId: string): Promise<Application[]> {
    return em.find(Application, { where: { challengeId }, order: { createdAt: 'ASC', id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  }

  challenge(em: EntityManager, id: string): Promise<KnownChallenge | null> {
    return em.findOneBy(KnownChallenge, { id });
  }

  profile(em: EntityManager, id: string): Promise<CandidateProfile | null> {
    return em.findOneBy(CandidateProfile, { id });
  }

  async termsAccepted(em: EntityManager, challengeId: string, orgId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(`SELECT 1 FROM challenge_terms_acceptances WHERE challenge_id = $1 AND org_id = $2`, [challengeId, orgId]);
    return rows.length > 0;
  }

  async insert(em: EntityManager, a: Application): Promise<void> {
    await em.insert(Application, a);
  }

  /** One UPDATE of what a use case changes. */
  async save(em: EntityManager, s: ApplicationState, extra: { submittedAt?: Date; checkReason?: string | null; projectId?: string; signDueAt?: Date | null }, at: Date): Promise<void> {
    await em.update(
      Application,
      { id: s.id },
      { version: s.version, status: s.status, proposal: s.proposal, submissionCount: s.submissionCount, updatedAt: at, ...extra },
    );
  }

  async recordTransition(em: EntityManager, id: string, t: Transition, eventId: string | null, ctx: CommandContext): Promise<void> {
    await em.query(
      `INSERT INTO application_transitions (application_id, from_status, to_status, actor_id, actor_role, actor_org_id, reason, event_id, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, t.from, t.to, ctx.actor.id, ctx.actor.role, ctx.actor.orgId ?? null, t.reason, eventId, t.at],
    );
  }

  findReadable(p: Principal, id: string): Promise<Application | null> {
    return scopeApplications(this.ds.getRepository(Application).createQueryBuilder('a'), p).andWhere('a.id = :id', { id }).getOne();
  }

  async listReadable(p: Principal, q: ListApplicationsQuery): Promise<{ items: Application[]; total: number }> {
    const qb = scopeApplications(this.ds.getRepository(Application).createQueryBuilder('a'), p);
    if (q.challengeId) qb.andWhere('a.challenge_id = :cid', { cid: q.challengeId });
    if (q.status) qb.andWhere('a.status = :status', { status: q.status });
    const [items, total] = await qb
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  async history(id: string): Promise<unknown[]> {
    return this.ds.query(
      `SELECT from_status AS "fromStatus", to_status AS "toStatus", actor_id AS "actorId", actor_role AS "actorRole", reason,
              event_id AS "eventId", at
         FROM application_transitions WHERE application_id = $1 ORDER BY id`,
      [id],
    );
  }
}
