import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DeliveryAttempt } from './delivery-attempt.entity';
import { Delivery } from './delivery.entity';

/** The state changes of a delivery as its job runs; each attempt is recorded with its outcome. */
@Injectable()
export class DeliveriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The delivery if it still has to be made; null if it was sent, parked or never existed. */
  pending(id: string): Promise<Delivery | null> {
    return this.dataSource.getRepository(Delivery).findOneBy({ id, status: 'pending' });
  }

  async sent(id: string, attempt: number, durationMs: number): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await em.update(Delivery, { id, status: 'pending' }, { status: 'sent', attempts: () => 'attempts + 1', sentAt: new Date(), updatedAt: new Date() });
      await em.insert(DeliveryAttempt, { deliveryId: id, attempt, ok: true, error: null, durationMs, at: new Date() });
    });
  }

  /** A failed attempt; `park` when no retry follows, so operators find it with its error. */
  async failed(id: string, attempt: number, error: string, durationMs: number, park: boolean): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await em.update(
        Delivery,
        { id, status: 'pending' },
        { attempts: () => 'attempts + 1', lastError: error, updatedAt: new Date(), ...(park ? { status: 'failed' } : {}) },
      );
      await em.insert(DeliveryAttempt, { deliveryId: id, attempt, ok: false, error, durationMs, at: new Date() });
    });
  }

  /** For jobs that failed without the processor seeing it (stalled past the limit): park with BullMQ's reason. */
  async park(id: string, error: string): Promise<void> {
    await this.dataSource.getRepository(Delivery).update({ id, status: 'pending' }, { status: 'failed', lastError: error, updatedAt: new Date() });
  }

  /** Pending deliveries not touched for `graceMs`: candidates for re-arming. */
  stale(graceMs: number, limit: number): Promise<Pick<Delivery, 'id' | 'channel'>[]> {
    return this.dataSource
      .getRepository(Delivery)
      .createQueryBuilder('d')
      .select(['d.id', 'd.channel'])
      .where(`d.status = 'pending' AND d.updated_at <= now() - make_interval(secs => :secs)`, { secs: graceMs / 1000 })
      .orderBy('d.created_at')
      .limit(limit)
      .getMany();
  }
}
