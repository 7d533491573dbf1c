import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Injectable, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { challengeSubmittedV1, type EventOf } from '@jiebang/contracts';
import { pgConnection } from '@jiebang/test-infra';
import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { MESSAGING_MIGRATIONS } from '../index';
import { KafkaEventServer } from '../kafka/kafka-event-server';
import { DEFAULT_MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { MessagingModule } from '../messaging.module';
import { MessagingRuntime } from '../messaging.runtime';
import { OnEvent } from '../on-event.decorator';

/**
 * A minimal service for testing the delivery guarantees on the real broker and database: it applies
 * `challenge.submitted` by inserting an `effects` row (no unique key, so a doubled effect would show).
 */
class Effects1700000000000 implements MigrationInterface {
  name = 'Effects1700000000000';
  async up(q: QueryRunner) {
    await q.query(`CREATE TABLE effects (id serial PRIMARY KEY, event_id uuid NOT NULL, subject text NOT NULL,
      sequence integer NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  }
  async down(q: QueryRunner) {
    await q.query('DROP TABLE effects');
  }
}

export interface Behaviour {
  /** Throw this many times before succeeding (counted across all events). */
  failTimes: number;
  failAlways: boolean;
  /** Throw an error that looks like a lost database connection. */
  infrastructureDown: boolean;
  delayMs: number;
}

@Injectable()
export class EffectHandlers {
  behaviour: Behaviour = { failTimes: 0, failAlways: false, infrastructureDown: false, delayMs: 0 };
  calls = 0;

  @OnEvent(challengeSubmittedV1)
  async submitted(event: EventOf<typeof challengeSubmittedV1>, em: EntityManager): Promise<void> {
    this.calls++;
    const b = this.behaviour;
    if (b.delayMs) await new Promise((r) => setTimeout(r, b.delayMs));
    if (b.infrastructureDown) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    if (b.failAlways || b.failTimes > 0) {
      b.failTimes--;
      throw new Error('simulated handler failure');
    }
    await em.query('INSERT INTO effects (event_id, subject, sequence) VALUES ($1, $2, $3)', [
      event.id,
      event.subject,
      event.sequence,
    ]);
  }
}

export interface Harness {
  app: INestApplication;
  handlers: EffectHandlers;
  runtime: MessagingRuntime;
  fatal: string[];
  close(): Promise<void>;
}

export async function startHarness(
  database: string,
  namespace: string,
  overrides: Partial<MessagingOptions> = {},
): Promise<Harness> {
  const fatal: string[] = [];
  @Module({
    imports: [
      TypeOrmModule.forRoot({
        type: 'postgres',
        ...pgConnection(database),
        entities: [],
        migrations: [...MESSAGING_MIGRATIONS, Effects1700000000000],
        migrationsRun: true,
        synchronize: false,
      }),
      MessagingModule.forRootAsync({
        useFactory: (): MessagingOptions => ({
          ...DEFAULT_MESSAGING_OPTIONS,
          service: 'challenge-service', // it writes the challenge stream, which only its owner may,
          brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
          namespace,
          consumerGroup: `harness-${namespace}`,
          sessionTimeoutMs: 10_000,
          retryBackoffMs: 20,
          relay: { batchSize: 500, pollIntervalMs: 200, enabled: true },
          ...overrides,
        }),
      }, (reason) => fatal.push(reason)),
    ],
    providers: [EffectHandlers],
  })
  class HarnessModule {}

  const app = await NestFactory.create(HarnessModule, { logger: false, abortOnError: false });
  await app.init();
  app.connectMicroservice({ strategy: app.get(KafkaEventServer) });
  await app.startAllMicroservices();
  return {
    app,
    handlers: app.get(EffectHandlers),
    runtime: app.get(MessagingRuntime),
    fatal,
    close: () => app.close(),
  };
}

const FIXTURE = JSON.parse(
  readFileSync(resolve(__dirname, '../../../contracts/fixtures/challenge.submitted.v1.json'), 'utf8'),
) as Submitted;
type Submitted = EventOf<typeof challengeSubmittedV1>;

/** A valid `challenge.submitted` envelope for `subject` at `sequence`, with a fresh id. */
export function submittedEvent(subject: string = randomUUID(), sequence = 2): Submitted {
  return { ...FIXTURE, id: randomUUID(), subject, sequence, time: new Date().toISOString() };
}
