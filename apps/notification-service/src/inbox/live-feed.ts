import { Inject, Injectable, Logger, type MessageEvent, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import { closeRedis } from '@jiebang/redis-kit';
import { queuePrefix, REDIS } from '@jiebang/service-kit';
import Redis from 'ioredis';
import { filter, interval, map, merge, of, Subject, takeWhile, timer, type Observable } from 'rxjs';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { visibleTo } from './inbox.scope';
import { view } from './inbox.service';
import type { Notification } from './notification.entity';

/** The last event of a stream whose token expired: the page reconnects with a fresh token. */
const EXPIRED: MessageEvent = { type: 'expired', data: { code: 'AUTH_TOKEN_EXPIRED', message: '登录已过期，请重新登录' } };

/** Timers take at most 2^31 − 1 ms (24.8 days); a longer token gets its stream closed then, and reconnects. */
const MAX_TIMER_MS = 2 ** 31 - 1;

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
    await closeRedis(this.subscriber);
  }

  async publish(n: Notification): Promise<void> {
    await this.redis.publish(this.channel, JSON.stringify(n)).catch((e: Error) => this.logger.warn(`live push of ${n.id} lost: ${e.message}`));
  }

  /**
   * The caller's stream: `ready` (with the unread count) once subscribed, then each new notice, and a keep-alive;
   * at `expiresAt` (the token's expiry, epoch ms) `expired`, and the stream ends: the guard checked the token when
   * the stream opened, and nothing may be pushed on its authority after it expires.
   */
  stream(p: Principal, unread: number, expiresAt: number): Observable<MessageEvent> {
    const expired = timer(Math.min(Math.max(0, expiresAt - Date.now()), MAX_TIMER_MS)).pipe(map(() => EXPIRED));
    return merge(
      of<MessageEvent>({ type: 'ready', data: { unread } }),
      this.notices.pipe(
        filter((n) => visibleTo(p, n)),
        map((n): MessageEvent => ({ type: 'notification', id: n.id, data: view(n) })),
      ),
      interval(25_000).pipe(map((): MessageEvent => ({ type: 'ping', data: {} }))),
      expired,
    ).pipe(takeWhile((e) => e !== EXPIRED, true));
  }
}
