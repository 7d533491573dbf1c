import { Injectable } from '@nestjs/common';
import type { ServiceRecord, TeamRef } from '@jiebang/contracts';
import type { CommandContext } from '@jiebang/messaging';
import type { SlaClock } from '@jiebang/timers';
import type { EntityManager } from 'typeorm';
import type { DispatchState, Offer, Transition } from './dispatch.domain';

export interface DispatchRow {
  id: string;
  version: number;
  status: DispatchState['status'];
  order: DispatchState['order'];
  submitted_at: Date;
  order_sequence: number;
  run_id: string | null;
  lineup: TeamRef[];
  cursor: number;
  team: TeamRef | null;
  service_sla: StoredClock | null;
  district_due_at: Date | null;
  grace_sla: StoredClock | null;
  district_overdue_at: Date | null;
  service_overdue_at: Date | null;
  service_bureau_at: Date | null;
}

export interface OfferRow {
  id: string;
  attempt: number;
  team: TeamRef;
  status: Offer['status'];
  due_at: Date;
  offered_at: Date;
  answered_at: Date | null;
  reason: string | null;
}

type StoredClock = Omit<SlaClock, 'dueAt'> & { dueAt?: string };

function clockOf(json: StoredClock | null): SlaClock | null {
  if (!json) return null;
  return json.status === 'RUNNING'
    ? { status: 'RUNNING', basis: json.basis, dueAt: new Date(json.dueAt!) }
    : ({ ...json } as SlaClock);
}

export function offerOf(r: OfferRow): Offer {
  return { id: r.id, attempt: r.attempt, team: r.team, status: r.status, dueAt: r.due_at, offeredAt: r.offered_at, answeredAt: r.answered_at, reason: r.reason };
}

export type StoredDispatch = DispatchState & { orderSequence: number };

/** Every query on dispatches, their offers, service records and audit trail; writes take the use case's EntityManager. */
@Injectable()
export class DispatchStore {
  /** Row lock first: commands and timer firings on one dispatch queue up, so exactly one of two racing accepts wins. */
  async lockById(em: EntityManager, id: string): Promise<StoredDispatch | null> {
    const [row] = (await em.query(`SELECT * FROM dispatches WHERE id = $1 FOR UPDATE`, [id])) as DispatchRow[];
    return row ? this.withOffers(em, row) : null;
  }

  /** Without a lock, for reads. */
  async loadById(em: EntityManager, id: string): Promise<StoredDispatch | null> {
    const [row] = (await em.query(`SELECT * FROM dispatches WHERE id = $1`, [id])) as DispatchRow[];
    return row ? this.withOffers(em, row) : null;
  }

  async insert(em: EntityManager, s: DispatchState, orderSequence: number): Promise<void> {
    await em.query(
      `INSERT INTO dispatches (id, version, status, district_code, enterprise_org_id, "order", submitted_at, order_sequence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [s.id, s.version, s.status, s.order.districtCode, s.order.enterpriseOrgId, JSON.stringify(s.order), s.submittedAt, orderSequence],
    );
  }

  /** Writes the dispatch after a step, and each offer it added or answered. */
  async save(em: EntityManager, before: DispatchState, s: DispatchState, at: Date, orderSequence?: number): Promise<void> {
    await em.query(
      `UPDATE dispatches SET version = $2, status = $3, "order" = $4, submitted_at = $5, run_id = $6, lineup = $7, "cursor" = $8,
         team = $9, team_profile_id = $10, service_sla = $11, district_overdue_at = $12, service_overdue_at = $13,
         service_bureau_at = $14, order_sequence = COALESCE($15, order_sequence), updated_at = $16, district_due_at = $17,
         grace_sla = $18
       WHERE id = $1`,
      [
        s.id,
        s.version,
        s.status,
        JSON.stringify(s.order),
        s.submittedAt,
        s.runId,
        JSON.stringify(s.lineup),
        s.cursor,
        s.team ? JSON.stringify(s.team) : null,
        s.team?.profileId ?? null,
        s.serviceSla ? JSON.stringify(s.serviceSla) : null,
        s.districtOverdueAt,
        s.serviceOverdueAt,
        s.serviceBureauAt,
        orderSequence ?? null,
        at,
        s.districtDueAt,
        s.graceSla ? JSON.stringify(s.graceSla) : null,
      ],
    );
    const known = new Map(before.offers.map((o) => [o.id, o]));
    // Answers first, so the one-pending index never sees the next offer beside the one it replaces.
    for (const o of s.offers.filter((x) => known.has(x.id) && known.get(x.id)!.status !== x.status)) {
      await em.query(`UPDATE dispatch_offers SET status = $2, answered_at = $3, reason = $4 WHERE id = $1`, [o.id, o.status, o.answeredAt, o.reason]);
    }
    for (const o of s.offers.filter((x) => !known.has(x.id))) {
      await em.query(
        `INSERT INTO dispatch_offers (id, dispatch_id, attempt, team_profile_id, team_org_id, team, status, due_at, offered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [o.id, s.id, o.attempt, o.team.profileId, o.team.orgId, JSON.stringify(o.team), o.status, o.dueAt, o.offeredAt],
      );
    }
  }

  /** The audit trail: one row per transition, with the event it caused when there was one. */
  async audit(em: EntityManager, dispatchId: string, transitions: Transition[], eventId: string | null, ctx: CommandContext): Promise<void> {
    for (const t of transitions) {
      await em.query(
        `INSERT INTO dispatch_transitions (dispatch_id, from_status, to_status, actor_id, actor_role, reason, changes, event_id, correlation_id, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [dispatchId, t.from, t.to, t.actor.id, t.actor.role, t.reason, JSON.stringify(t.changes), eventId, ctx.correlationId, t.at],
      );
    }
  }

  async insertRecord(em: EntityManager, dispatchId: string, teamProfileId: string, r: ServiceRecord, actorId: string, at: Date): Promise<void> {
    await em.query(
      `INSERT INTO dispatch_service_records (id, dispatch_id, team_profile_id, date, mode, hours, participants, work, outcome, attachments, actor_id, logged_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [r.recordId, dispatchId, teamProfileId, r.date, r.mode, r.hours, JSON.stringify(r.participants), r.work, r.outcome, JSON.stringify(r.attachments), actorId, at],
    );
  }

  private async withOffers(em: EntityManager, row: DispatchRow): Promise<StoredDispatch> {
    const offers = (await em.query(`SELECT * FROM dispatch_offers WHERE dispatch_id = $1 ORDER BY attempt`, [row.id])) as OfferRow[];
    return dispatchOf(row, offers.map(offerOf));
  }
}

/** A dispatches row (with its offers) as the domain's state; lists build it from one query's row. */
export function dispatchOf(row: DispatchRow, offers: Offer[]): StoredDispatch {
  return {
      id: row.id,
      status: row.status,
      version: row.version,
      order: row.order,
      submittedAt: row.submitted_at,
      runId: row.run_id,
      lineup: row.lineup,
      cursor: row.cursor,
      offers,
      team: row.team,
      serviceSla: clockOf(row.service_sla),
      districtDueAt: row.district_due_at,
      graceSla: clockOf(row.grace_sla),
      districtOverdueAt: row.district_overdue_at,
      serviceOverdueAt: row.service_overdue_at,
      serviceBureauAt: row.service_bureau_at,
      orderSequence: row.order_sequence,
  };
}
