import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { watchQueueDepth } from '@jiebang/messaging';
import { bullmqReadiness, closeRedis } from '@jiebang/redis-kit';
import { queuePrefix, type ReadinessCheck } from '@jiebang/service-kit';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { MATCHING_CONFIG, type MatchingConfig } from '../config';

export const ASSIGNMENT_QUEUE = 'matching-assignments';

export interface AssignmentJob {
  runId: string;
}

/**
 * BullMQ queue and worker for batch runs, each on its own Redis connection (`maxRetriesPerRequest: null`, as
 * BullMQ's blocking commands require). One run at a time per instance: a solve holds the CPU, and instances share
 * the queue, so more instances means more runs in parallel.
 */
@Injectable()
export class AssignmentQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AssignmentQueue');
  readonly queue: Queue<AssignmentJob>;
  private worker?: Worker<AssignmentJob>;
  private workerConnection?: Redis;
  private readonly connection: Redis;
  private handler?: (runId: string) => Promise<void>;
  private readonly unwatch: () => void;

  constructor(@Inject(MATCHING_CONFIG) private readonly config: MatchingConfig) {
    this.connection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null, enableOfflineQueue: false });
    this.connection.on('error', () => undefined); // readiness reports it; ioredis reconnects by itself
    this.queue = new Queue(ASSIGNMENT_QUEUE, { connection: this.connection, prefix: queuePrefix(config) });
    this.unwatch = watchQueueDepth(this.queue);
  }

  /** The processor registers itself; the worker starts at bootstrap. */
  process(handler: (runId: string) => Promise<void>): void {
    this.handler = handler;
  }

  onApplicationBootstrap(): void {
    const handler = this.handler;
    if (!handler) return;
    // The worker blocks on its connection, so it gets its own (closed by us: BullMQ leaves a passed one open).
    this.workerConnection = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
    this.worker = new Worker<AssignmentJob>(ASSIGNMENT_QUEUE, (job) => handler(job.data.runId), {
      connection: this.workerConnection,
      prefix: queuePrefix(this.config),
      concurrency: 1,
    });
    this.worker.on('failed', (job, e) => this.logger.error(`assignment run ${job?.data.runId} failed: ${e.message}`));
  }

  /** Idempotent: the job id is the run id, and a finished job left in Redis is replaced. */
  async enqueue(runId: string): Promise<void> {
    const existing = await this.queue.getJob(runId);
    if (existing) {
      const state = await existing.getState();
      if (state !== 'completed' && state !== 'failed') return;
      await existing.remove();
    }
    await this.queue.add('run', { runId }, { jobId: runId, attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 500 } });
  }

  async onApplicationShutdown(): Promise<void> {
    this.unwatch();
    await this.worker?.close();
    await closeRedis(this.workerConnection);
    await this.queue.close();
    await closeRedis(this.connection);
  }

  readiness(): ReadinessCheck {
    return bullmqReadiness('assignmentQueue', this.queue);
  }
}
