import type { Principal } from '@jiebang/contracts';
import type { TimerDelay } from '@jiebang/timers';
import type { EntityManager } from 'typeorm';
import type { ListDispatchesQuery } from './dispatch.dto';
import { dispatchScopeSql } from './dispatch.scope';
import { dispatchOf, offerOf, type DispatchRow, type OfferRow, type StoredDispatch } from './dispatch.store';

/**
 * How far ahead the SQL knows the calendar. Every SLA is a few weeks at most, so a running clock's due instant and a
 * paused clock's remainder both fall well inside a year; a due instant beyond it would still sort after all of them.
 */
export const SORT_HORIZON_MS = 366 * 86_400_000;

export interface SlaSortInputs {
  now: Date;
  /** DISTRICT_SLA's kind: a fixed delay (tests) counts plain time, working days only the working time. */
  districtBasis: TimerDelay['kind'];
  /** 00:00 China time of each non-working day from now to the horizon (`nonWorkingDayStarts`). */
  nonWorkingDays: Date[];
}

// The clock that runs now and its due instant: the district's while the order waits on it, the service's while the
// team serves (paused while waiting on the enterprise: then its remainder is what counts).
const CLOCK = `
  CROSS JOIN LATERAL (
    SELECT CASE
             WHEN d.status IN ('QUEUED', 'DISTRICT_ACCEPTED') THEN d.district_due_at
             WHEN d.status IN ('TEAM_ACCEPTED', 'IN_SERVICE', 'WAITING_ENTERPRISE') AND d.service_sla->>'status' = 'RUNNING'
               THEN (d.service_sla->>'dueAt')::timestamptz
           END AS due_at,
           CASE WHEN d.status IN ('QUEUED', 'DISTRICT_ACCEPTED') THEN $3::text ELSE d.service_sla->>'basis' END AS basis,
           CASE WHEN d.status IN ('TEAM_ACCEPTED', 'IN_SERVICE', 'WAITING_ENTERPRISE') AND d.service_sla->>'status' = 'PAUSED'
             THEN (d.service_sla->>'remainingMs')::double precision
           END AS paused_ms
  ) c`;

// What is left of it in working time (ms): the span to the due instant less its overlap with each non-working day,
// the same measure as `workingTimeBetween`; zero once overdue.
const REMAINING = `
  CROSS JOIN LATERAL (
    SELECT CASE
             WHEN c.due_at IS NULL THEN c.paused_ms
             WHEN c.basis = 'fixed' THEN greatest(0, extract(epoch FROM c.due_at - $1::timestamptz) * 1000)
             ELSE greatest(0, extract(epoch FROM c.due_at - $1::timestamptz) * 1000) - (
               SELECT coalesce(sum(greatest(0, extract(epoch FROM least(c.due_at, n + interval '24 hours') - greatest($1::timestamptz, n)) * 1000)), 0)
                 FROM unnest($2::timestamptz[]) AS n
             )
           END AS remaining_ms
  ) r`;

const ORDERS = {
  sla: 'remaining_ms ASC NULLS LAST, due_at ASC NULLS LAST, submitted_at DESC, id',
  recent: 'submitted_at DESC, id',
} as const;

type ListRow = DispatchRow & { total: number; own_offers: (Omit<OfferRow, 'due_at' | 'offered_at' | 'answered_at'> & Record<string, string | null>)[] | null };

/**
 * One page of the dispatches the caller may see (the scope is SQL: a district its own district's, a team those it
 * was offered), filtered and sorted in the database, with the total; a team's page carries its own offers only.
 */
export async function listDispatches(
  em: EntityManager,
  p: Principal,
  q: ListDispatchesQuery,
  sla: SlaSortInputs,
): Promise<{ items: StoredDispatch[]; total: number }> {
  const params: unknown[] = [sla.now, sla.nonWorkingDays, sla.districtBasis];
  const scope = dispatchScopeSql(p, params.length + 1);
  params.push(...scope.params);
  let where = scope.where;
  if (q.status) {
    params.push(q.status);
    where += ` AND d.status = $${params.length}`;
  }
  let offers = 'NULL::json';
  if (p.role === 'team') {
    params.push(p.orgId);
    offers = `(SELECT json_agg(o ORDER BY o.attempt) FROM dispatch_offers o WHERE o.dispatch_id = page.id AND o.team_org_id = $${params.length})`;
  }
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  const order = ORDERS[q.sort];
  const rows = (await em.query(
    `WITH scoped AS (
       SELECT d.*, c.due_at, r.remaining_ms FROM dispatches d ${CLOCK} ${REMAINING} WHERE ${where}
     ),
     page AS (SELECT * FROM scoped ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length})
     SELECT t.total, page.*, ${offers} AS own_offers
       FROM (SELECT count(*)::int AS total FROM scoped) t LEFT JOIN page ON true
      ORDER BY ${order.replace(/(^|, )(\w+)/g, '$1page.$2')}`,
    params,
  )) as ListRow[];
  const items = rows
    .filter((r) => r.id !== null)
    .map((r) => dispatchOf(r, (r.own_offers ?? []).map((o) => offerOf({ ...o, due_at: date(o.due_at)!, offered_at: date(o.offered_at)!, answered_at: date(o.answered_at) } as OfferRow))));
  return { items, total: rows[0]?.total ?? 0 };
}

const date = (v: string | null) => (v === null ? null : new Date(v));
