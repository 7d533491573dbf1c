import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@jiebang/contracts';
import { nonWorkingDayStarts, remainingWorkingDays } from '@jiebang/timers';
import { DataSource } from 'typeorm';
import { MATCHING_CONFIG, type MatchingConfig } from '../config';
import type { DispatchState } from './dispatch.domain';
import { DISPATCH_STATE_LABELS } from './dispatch.domain';
import type { ListDispatchesQuery } from './dispatch.dto';
import { canSeeDispatch } from './dispatch.scope';
import { listDispatches, SORT_HORIZON_MS } from './dispatch-list.query';
import { dispatchNotFound } from './dispatch.service';
import { DispatchStore } from './dispatch.store';

const DISTRICT_WAIT = new Set(['QUEUED', 'DISTRICT_ACCEPTED']);
const SERVING = new Set(['TEAM_ACCEPTED', 'IN_SERVICE', 'WAITING_ENTERPRISE']);

/** Reads for the district's queue, a team's offers and services, and one dispatch, scoped to the caller. */
@Injectable()
export class DispatchViews {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(MATCHING_CONFIG) private readonly config: MatchingConfig,
    private readonly store: DispatchStore,
  ) {}

  /** The SLA that runs now and what is left of it in working days (null when none runs). */
  sla(s: DispatchState, now: Date) {
    if (DISTRICT_WAIT.has(s.status) && s.districtDueAt) {
      const dueAt = s.districtDueAt;
      return { clock: 'DISTRICT_SLA', dueAt, remainingWorkingDays: remainingWorkingDays({ status: 'RUNNING', basis: this.config.DISTRICT_SLA.kind, dueAt }, now) };
    }
    if (SERVING.has(s.status) && s.serviceSla) {
      return {
        clock: `SERVICE_SLA_${s.order.urgency}`,
        paused: s.serviceSla.status === 'PAUSED',
        dueAt: s.serviceSla.status === 'RUNNING' ? s.serviceSla.dueAt : null,
        remainingWorkingDays: remainingWorkingDays(s.serviceSla, now),
      };
    }
    return null;
  }

  private summary(s: DispatchState, now: Date) {
    return {
      id: s.id,
      status: s.status,
      statusLabel: DISPATCH_STATE_LABELS[s.status],
      version: s.version,
      order: s.order,
      submittedAt: s.submittedAt,
      team: s.team,
      sla: this.sla(s, now),
      escalations: { districtOverdueAt: s.districtOverdueAt, serviceOverdueAt: s.serviceOverdueAt, serviceBureauAt: s.serviceBureauAt },
    };
  }

  /**
   * One page of the caller's dispatches in one query. `sort=sla`: the least working time left first (overdue ones
   * first of all, the most overdue leading), then the paused and running clocks by what is left, no clock last.
   */
  async list(p: Principal, q: ListDispatchesQuery) {
    const now = new Date();
    const page = await listDispatches(this.ds.manager, p, q, {
      now,
      districtBasis: this.config.DISTRICT_SLA.kind,
      nonWorkingDays: nonWorkingDayStarts(now, new Date(now.getTime() + SORT_HORIZON_MS)),
    });
    return { items: page.items.map((s) => this.teamView(p, this.summary(s, now), s)), total: page.total };
  }

  async get(id: string, p: Principal) {
    const s = await this.ds.transaction((em) => this.store.loadById(em, id));
    if (!s || !canSeeDispatch(p, s)) throw dispatchNotFound(id);
    const records = await this.ds.query(
      `SELECT id AS "recordId", date::text AS date, mode, hours::float AS hours, participants, work, outcome, attachments, logged_at AS "loggedAt"
         FROM dispatch_service_records WHERE dispatch_id = $1 ORDER BY logged_at, id`,
      [id],
    );
    const history = await this.ds.query(
      `SELECT from_status AS "from", to_status AS "to", actor_id AS "actorId", actor_role AS "actorRole", reason, changes, at
         FROM dispatch_transitions WHERE dispatch_id = $1 ORDER BY id`,
      [id],
    );
    const view = { ...this.summary(s, new Date()), runId: s.runId, lineup: s.lineup, offers: s.offers, records, history };
    return this.teamView(p, view, s);
  }

  /**
   * A team sees its own offers only, not which other teams were recommended, skipped or how they answered, nor the
   * enterprise's related organisations (the 回避 list is the district's business).
   */
  private teamView<V extends object>(p: Principal, view: V, s: DispatchState): V {
    if (p.role !== 'team') return view;
    const own = s.offers.filter((o) => o.team.orgId === p.orgId);
    const { lineup: _lineup, history: _history, offers: _offers, ...rest } = view as V & { lineup?: unknown; history?: unknown; offers?: unknown };
    const { relatedOrgIds: _related, ...order } = s.order;
    return { ...rest, order, offers: own } as V;
  }
}
