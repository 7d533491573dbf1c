import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@jiebang/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { DeliveryContent } from '../catalogue/channel-input';
import type { Channel } from '../catalogue/notice';
import { DeliveryAttempt } from './delivery-attempt.entity';
import type { DeliveryStatus } from './delivery.domain';
import { Delivery } from './delivery.entity';

/** Deliveries and their attempts. */
@Injectable()
export class DeliveryStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The delivery if it still has to be made; null if it was sent, parked or never existed. Raw SQL: the hot path. */
  async findPending(id: string): Promise<Delivery | null> {
    const rows: Delivery[] = await this.dataSource.query(
      `SELECT id, source_id AS "sourceId", event_type AS "eventType", notice_id AS "noticeId", channel, category, mandatory,
         priority, recipient_org_id AS "recipientOrgId", recipient_user_id AS "recipientUserId", recipient_role AS "recipientRole",
         target, status, content FROM deliveries WHERE id = $1 AND status = 'pending'`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** One statement (one commit): the delivery marked sent and its attempt recorded. */
  async recordSent(id: string, attempt: number, durationMs: number): Promise<void> {
    await this.dataSource.query(
      `WITH d AS (UPDATE deliveries SET status = 'sent', attempts = attempts + 1, sent_at = now(), updated_at = now()
                  WHERE id = $1 AND status = 'pending' RETURNING id)
       INSERT INTO delivery_attempts (delivery_id, attempt, ok, duration_ms) SELECT id, $2, true, $3 FROM d`,
      [id, attempt, durationMs],
    );
  }

  /** A failed attempt; `park` when no retry follows, so operators find it with its error. */
  async recordFailure(id: string, attempt: number, error: string, durationMs: number, park: boolean): Promise<void> {
    await this.dataSource.query(
      `WITH d AS (UPDATE deliveries SET attempts = attempts + 1, last_error = $4, updated_at = now(),
                    status = CASE WHEN $5 THEN 'failed' ELSE status END
                  WHERE id = $1 AND status = 'pending' RETURNING id)
       INSERT INTO delivery_attempts (delivery_id, attempt, ok, error, duration_ms) SELECT id, $2, false, $4, $3 FROM d`,
      [id, attempt, durationMs, error.slice(0, 2000), park],
    );
  }

  /** For jobs that failed without the processor seeing it (stalled past the limit): park with BullMQ's reason. */
  async park(id: string, error: string): Promise<void> {
    await this.dataSource.getRepository(Delivery).update({ id, status: 'pending' }, { status: 'failed', lastError: error, updatedAt: new Date() });
  }

  /** Pending deliveries not touched for `graceMs`: candidates for re-arming. */
  findStale(graceMs: number, limit: number): Promise<Pick<Delivery, 'id' | 'channel' | 'replays'>[]> {
    return this.dataSource
      .getRepository(Delivery)
      .createQueryBuilder('d')
      .select(['d.id', 'd.channel', 'd.replays'])
      .where(`d.status = 'pending' AND d.updated_at <= now() - make_interval(secs => :secs)`, { secs: graceMs / 1000 })
      .orderBy('d.created_at')
      .limit(limit)
      .getMany();
  }

  /** One page of the deliveries in a status (of one channel), the last changed first. */
  listDeliveries(q: { status: DeliveryStatus; channel?: Channel; page: number; pageSize: number }): Promise<[Delivery[], number]> {
    return this.dataSource.getRepository(Delivery).findAndCount({
      where: { status: q.status, ...(q.channel ? { channel: q.channel } : {}) },
      order: { updatedAt: 'DESC', id: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
  }

  findDelivery(id: string): Promise<Delivery | null> {
    return this.dataSource.getRepository(Delivery).findOneBy({ id });
  }

  findAttempts(deliveryId: string): Promise<DeliveryAttempt[]> {
    return this.dataSource.getRepository(DeliveryAttempt).find({ where: { deliveryId }, order: { id: 'ASC' } });
  }

  /** The delivery, locked until `em`'s transaction ends. */
  lockDelivery(em: EntityManager, id: string): Promise<Delivery | null> {
    return em.findOne(Delivery, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Pending again, as its `replays`-th generation. */
  async markReplayed(em: EntityManager, id: string, replays: number): Promise<void> {
    await em.update(Delivery, { id }, { status: 'pending', replays, updatedAt: new Date() });
  }

  /** The ids of parked deliveries (of one channel), the longest parked first. */
  async findParked(channel: Channel | undefined, limit: number): Promise<string[]> {
    const parked = await this.dataSource.getRepository(Delivery).find({
      select: { id: true },
      where: { status: 'failed', ...(channel ? { channel } : {}) },
      order: { updatedAt: 'ASC' },
      take: limit,
    });
    return parked.map((d) => d.id);
  }

  /** The audiences with e-mails waiting for a digest, created up to `cutoff`. */
  findDigestAudiences(cutoff: Date): Promise<{ orgId: string; role: Role }[]> {
    return this.dataSource.query(
      `SELECT DISTINCT recipient_org_id AS "orgId", recipient_role AS role FROM deliveries
       WHERE status = 'digest' AND recipient_org_id IS NOT NULL AND created_at <= $1`,
      [cutoff],
    );
  }

  /** One audience's waiting e-mails up to `cutoff`, oldest first, locked; those another run holds are skipped. */
  lockDigestItems(em: EntityManager, a: { orgId: string; role: Role }, cutoff: Date): Promise<{ id: string; content: DeliveryContent }[]> {
    return em.query(
      `SELECT id, content FROM deliveries WHERE status = 'digest' AND recipient_org_id = $1 AND recipient_role = $2
       AND created_at <= $3 ORDER BY created_at FOR UPDATE SKIP LOCKED`,
      [a.orgId, a.role, cutoff],
    );
  }

  /** Folded into the digest delivery `digestId` (null if planning it wrote none). */
  async markDigested(em: EntityManager, ids: string[], digestId: string | null): Promise<void> {
    await em.query(`UPDATE deliveries SET status = 'digested', digest_id = $1, updated_at = now() WHERE id = ANY($2)`, [digestId, ids]);
  }
}
