import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { watchQueueDepth } from '@jiebang/messaging';
import { Gauge, register } from 'prom-client';
import type { DataSource } from 'typeorm';
import { TimerQueue } from './timer.queue';

interface KindCount {
  kind: string;
  armed: number;
  overdue: number;
}

const sources = new Set<DataSource>();

/** One grouped scan of the armed timers (partial index `timers_armed_idx`) per database and scrape. */
async function counts(): Promise<KindCount[]> {
  const all: KindCount[] = [];
  for (const dataSource of sources) {
    if (!dataSource.isInitialized) continue;
    const rows: KindCount[] = await dataSource
      .query(
        `SELECT kind, count(*)::int AS armed, (count(*) FILTER (WHERE due_at < now()))::int AS overdue
           FROM timers WHERE status = 'armed' GROUP BY kind`,
      )
      .catch(() => []);
    all.push(...rows);
  }
  return all;
}

function gauge(name: string, help: string, pick: (c: KindCount) => number): Gauge {
  return (
    (register.getSingleMetric(name) as Gauge | undefined) ??
    new Gauge({
      name,
      help,
      labelNames: ['kind'],
      async collect() {
        this.reset();
        for (const c of await counts()) this.inc({ kind: c.kind }, pick(c));
      },
    })
  );
}

/** Armed timers per kind, read from Postgres (the truth; Redis only holds the triggers) at scrape time. */
export const timersArmed = gauge('jiebang_timers_armed', 'Armed timers per kind, read at scrape time', (c) => c.armed);
/** Armed and past due: a firing that is late (worker down, Redis lost the job, handler failing) shows here. */
export const timersOverdue = gauge('jiebang_timers_overdue', 'Armed timers past their due time per kind, read at scrape time', (c) => c.overdue);

/** Puts this service's timers and its timer queue's depth on /metrics while the app runs. */
@Injectable()
export class TimerMetrics implements OnModuleInit, OnApplicationShutdown {
  private unwatch?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: TimerQueue,
  ) {}

  onModuleInit(): void {
    sources.add(this.dataSource);
    this.unwatch = watchQueueDepth(this.queue.queue);
  }

  onApplicationShutdown(): void {
    sources.delete(this.dataSource);
    this.unwatch?.();
  }
}
