import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@jiebang/contracts';
import { dueAfter, remainingWorkingDays } from '@jiebang/timers';
import { DataSource } from 'typeorm';
import { MATCHING_CONFIG, type MatchingConfig } from '../config';
import type { DispatchState } from './dispatch.domain';
import { DISPATCH_STATE_LABELS } from './dispatch.domain';
import type { ListDispatchesQuery } from './dispatch.dto';
import { canSeeDispatch, dispatchScopeSql } from './dispatch.scope';
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
    if (DISTRICT_WAIT.has(s.status) && !s.runId) {
      const dueAt = dueAfter(this.config.DISTRICT_SLA, s.submittedAt);
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

  async list(p: Principal, q: ListDispatchesQuery) {
    const scope = dispatchScopeSql(p, 1);
    const params: unknown[] = [...scope.params];
    let where = scope.where;
    if (q.status) {
      params.push(q.status);
      where += ` AND d.status = $${params.length}`;
    }
    const ids = (await this.ds.query(`SELECT d.id FROM dispatches d WHERE ${where} ORDER BY d.submitted_at DESC, d.id`, params)) as { id: string }[];
    const now = new Date();
    const all = await this.ds.transaction(async (em) => Promise.all(ids.map((r) => this.store.loadById(em, r.id))));
    let items = all.filter((s): s is NonNullable<typeof s> => !!s && canSeeDispatch(p, s)).map((s) => this.teamView(p, this.summary(s, now), s));
    // Most urgent first: the least working time left; orders with no clock running last.
    if (q.sort === 'sla') items = [...items].sort((a, b) => (a.sla?.remainingWorkingDays ?? Infinity) - (b.sla?.remainingWorkingDays ?? Infinity));
    const start = (q.page - 1) * q.pageSize;
    return { items: items.slice(start, start + q.pageSize), total: items.length };
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

  /** A team sees its own offers only, not which other teams were recommended, skipped or how they answered. */
  private teamView<V extends object>(p: Principal, view: V, s: DispatchState): V {
    if (p.role !== 'team') return view;
    const own = s.offers.filter((o) => o.team.orgId === p.orgId);
    const { lineup: _lineup, history: _history, offers: _offers, ...rest } = view as V & { lineup?: unknown; history?: unknown; offers?: unknown };
    return { ...rest, offers: own } as V;
  }
}
