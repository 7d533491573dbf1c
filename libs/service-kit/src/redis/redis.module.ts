import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { closeRedis } from '@jiebang/redis-kit';
import Redis from 'ioredis';

export const REDIS = Symbol('REDIS');

class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.redis);
  }
}

/** A shared ioredis client for health and light use; BullMQ queues and workers open their own connections. */
@Global()
@Module({})
export class RedisModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        { provide: REDIS, useFactory: () => new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: false, lazyConnect: false }) },
        RedisCloser,
      ],
      exports: [REDIS],
    };
  }
}
