import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@jiebang/contracts';
import { DataSource } from 'typeorm';
import type { Channel } from '../catalogue/notice';
import { checkReplayable, type DeliveryStatus } from '../deliveries/delivery.domain';
import { DeliveryStore } from '../deliveries/delivery.store';
import { DeliveryQueues } from '../queues/delivery.queues';
import { WebhookEndpointStore } from '../webhooks/webhook-endpoint.store';

const REPLAY_ALL_LIMIT = 1000;

/** What bureau operators see and do about deliveries: find the parked ones, read why, replay. */
@Injectable()
export class OperatorService {
  private readonly logger = new Logger('Operator');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryStore,
    private readonly endpoints: WebhookEndpointStore,
    private readonly queues: DeliveryQueues,
  ) {}

  async list(q: { status: DeliveryStatus; channel?: Channel; page: number; pageSize: number }) {
    const [items, total] = await this.deliveries.listDeliveries(q);
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  async get(id: string) {
    const delivery = await this.deliveries.findDelivery(id);
    if (!delivery) throw notFound(id);
    const attempts = await this.deliveries.findAttempts(id);
    return { ...delivery, attemptLog: attempts };
  }

  /**
   * Back to pending as a new generation (`replays` + 1), then that generation's job, a job id never used before. If
   * Redis refuses the job the row stays pending and the sweep adds it; the failed job of the earlier generation
   * stays in Redis as its record and can no longer be mistaken for this one.
   */
  async replay(id: string): Promise<{ id: string; status: DeliveryStatus }> {
    const job = await this.dataSource.transaction(async (em) => {
      const d = await this.deliveries.lockDelivery(em, id);
      if (!d) throw notFound(id);
      checkReplayable(d.status);
      if (d.channel === 'webhook') {
        const endpoint = d.target ? await this.endpoints.findEndpoint(em, d.target) : null;
        if (endpoint?.status !== 'active') {
          throw DomainError.invalidState('WEBHOOK_ENDPOINT_NOT_ACTIVE', '该投递的 Webhook 端点已停用或已删除，请机构先重新启用', endpoint?.status ?? 'deleted', {
            endpointId: d.target,
          });
        }
      }
      await this.deliveries.markReplayed(em, id, d.replays + 1);
      return { id, channel: d.channel, replays: d.replays + 1 };
    });
    await this.queues.enqueue([job]).catch((e: Error) => this.logger.warn(`replay of ${id}: job not added (${e.message}); the sweep will`));
    return { id, status: 'pending' };
  }

  /** Replays every parked delivery (of one channel) that can be replayed; says how many were left and why. */
  async replayAll(channel?: Channel) {
    const skipped: { id: string; code: string }[] = [];
    let replayed = 0;
    for (const id of await this.deliveries.findParked(channel, REPLAY_ALL_LIMIT)) {
      try {
        await this.replay(id);
        replayed++;
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        skipped.push({ id, code: e.code });
      }
    }
    return { replayed, skipped };
  }

  queueCounts() {
    return this.queues.counts('waiting', 'active', 'delayed', 'completed', 'failed');
  }
}

function notFound(id: string): DomainError {
  return DomainError.notFound('DELIVERY_NOT_FOUND', '没有这条投递记录', { id });
}
