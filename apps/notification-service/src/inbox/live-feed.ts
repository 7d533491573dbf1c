import { Inject, Injectable, Logger, type MessageEvent, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import { REDIS } from '@jiebang/service-kit';
import Redis from 'ioredis';
import { filter, interval, map, merge, of, Subject, type Observable } from 'rxjs';
import { NOTIFICATION_CONFIG, queuePrefix, type NotificationConfig } from '../config';
import { visibleTo } from './inbox.scope';
import { view } from './inbox.service';
import type { Notification } from './notification.entity';

/**
 * Live push for open pages. A new notice is published on a Redis channel and every instance forwards it to its own
 * SSE clients that may see it, so a client gets it whichever instance it is connected to. Best effort by nature:
 * the inbox row is already stored, and a page that missed the push sees it on its next list.
 */
@Injectable()
export class LiveFeed implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('LiveFeed');
  private readonly notices = new Subject<Notification>();
  private readonly channel: string;
  private subscriber?: Redis;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {
    this.channel = `${queuePrefix(config)}:live`;
  }

  async onModuleInit(): Promise<void> {
    // A subscribed connection can do nothing else, hence its own.
    this.subscriber = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
    this.subscriber.on('message', (_channel: string, message: string) => this.notices.next(JSON.parse(message) as Notification));
    this.subscriber.on('error', (e: Error) => this.logger.warn(`live feed subscriber: ${e.message}`));
    await this.subscriber.subscribe(this.channel);
  }

  async onApplicationShutdown(): Promise<void> {
    this.notices.complete();
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  async publish(n: Notification): Promise<void> {
    await this.redis.publish(this.channel, JSON.stringify(n)).catch((e: Error) => this.logger.warn(`live push of ${n.id} lost: ${e.message}`));
  }

  /** The caller's stream: `ready` (with the unread count) once subscribed, then each new notice, and a keep-alive. */
  stream(p: Principal, unread: number): Observable<MessageEvent> {
    return merge(
      of<MessageEvent>({ type: 'ready', data: { unread } }),
      this.notices.pipe(
        filter((n) => visibleTo(p, n)),
        map((n): MessageEvent => ({ type: 'notification', id: n.id, data: view(n) })),
      ),
      interval(25_000).pipe(map((): MessageEvent => ({ type: 'ping', data: {} }))),
    );
  }
}
