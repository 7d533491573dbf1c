import { randomBytes } from 'node:crypto';
import { Injectable, Module, type INestApplication, type OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { pgConnection } from '@jiebang/test-infra';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { TIMERS_MIGRATIONS } from '../index';
import { TimerFiring } from '../timer.firing';
import type { FiringTimer, TimerHandler } from '../timer.handler';
import { TimerQueue } from '../timer.queue';
import { TimerSweeper } from '../timer.sweeper';
import { Timers } from '../timers';
import type { TimersOptions } from '../timers-options';
import { TimersModule } from '../timers.module';

/** What a firing leaves behind; no unique key, so a doubled firing would show as two rows. */
class TimerEffects1700000000000 implements MigrationInterface {
  name = 'TimerEffects1700000000000';
  async up(q: QueryRunner) {
    await q.query(`CREATE TABLE timer_effects (id serial PRIMARY KEY, timer_id uuid NOT NULL, subject text NOT NULL,
      due_at timestamptz NOT NULL, correlation_id text NOT NULL)`);
  }
  async down(q: QueryRunner) {
    await q.query('DROP TABLE timer_effects');
  }
}

export const EFFECT_KIND = 'test.effect';

/** A handler that records each firing, and can be told to fail a few times first. */
@Injectable()
export class EffectTimer implements TimerHandler, OnModuleInit {
  readonly kind = EFFECT_KIND;
  failuresLeft = new Map<string, number>();
  /** Subjects whose firing re-arms the same timer this many ms later (a chain of deadlines, like successive offers). */
  rearmAfter = new Map<string, number>();

  constructor(private readonly timers: Timers) {}

  onModuleInit(): void {
    this.timers.handle(this);
  }

  /** Stands in for the aggregate row lock a real handler takes. */
  lockSubject(em: EntityManager, subject: string): Promise<unknown> {
    return em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [subject]);
  }

  async fire(em: EntityManager, timer: FiringTimer): Promise<void> {
    const left = this.failuresLeft.get(timer.subject) ?? 0;
    await em.query('INSERT INTO timer_effects (timer_id, subject, due_at, correlation_id) VALUES ($1, $2, $3, $4)', [
      timer.id,
      timer.subject,
      timer.dueAt,
      timer.ctx.correlationId,
    ]);
    const rearm = this.rearmAfter.get(timer.subject);
    if (rearm !== undefined) {
      this.rearmAfter.delete(timer.subject);
      await this.timers.arm(em, { kind: EFFECT_KIND, subject: timer.subject, dueAt: new Date(timer.firedAt.getTime() + rearm), ctx: timer.ctx });
    }
    if (left > 0) {
      this.failuresLeft.set(timer.subject, left - 1);
      throw new Error('simulated handler failure'); // after the insert: the rollback must take it back
    }
  }
}

export interface TimerApp {
  app: INestApplication;
  dataSource: DataSource;
  timers: Timers;
  queue: TimerQueue;
  sweeper: TimerSweeper;
  firing: TimerFiring;
  handler: EffectTimer;
  close(): Promise<void>;
}

/** A BullMQ key prefix of its own for one test file, so runs sharing this Redis never see each other's jobs. */
export function freshQueuePrefix(): string {
  return `jiebang-test-${randomBytes(4).toString('hex')}`;
}

/** A minimal service with durable timers on the real Postgres and Redis. */
export async function startTimerApp(database: string, prefix: string, overrides: Partial<TimersOptions> = {}): Promise<TimerApp> {
  @Module({
    imports: [
      TypeOrmModule.forRoot({
        type: 'postgres',
        ...pgConnection(database),
        entities: [],
        migrations: [...TIMERS_MIGRATIONS, TimerEffects1700000000000],
        migrationsRun: true,
        synchronize: false,
      }),
      TimersModule.forRoot({
        service: 'challenge-service',
        redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        prefix,
        // Tests sweep when they mean to; the periodic sweep must not do it for them.
        sweepIntervalMs: 600_000,
        backoffMs: 50,
        ...overrides,
      }),
    ],
    providers: [EffectTimer],
  })
  class TimerTestModule {}

  const app = await NestFactory.create(TimerTestModule, { logger: ['error'], abortOnError: false });
  await app.init();
  return {
    app,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    timers: app.get(Timers),
    queue: app.get(TimerQueue),
    sweeper: app.get(TimerSweeper),
    firing: app.get(TimerFiring),
    handler: app.get(EffectTimer),
    close: () => app.close(),
  };
}
