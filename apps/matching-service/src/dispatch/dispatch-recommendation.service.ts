import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type Principal, type TeamRef } from '@jiebang/contracts';
import type { CommandContext } from '@jiebang/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { MatchRun } from '../ranking/match-run.entity';
import { RankingService } from '../ranking/ranking.service';
import { expectStatus } from './dispatch.domain';
import { recommend } from './dispatch-offer.domain';
import type { RecommendationInput } from './dispatch.dto';
import { DispatchClocks } from './dispatch-clocks';
import { DispatchService } from './dispatch.service';
import { DispatchSteps } from './dispatch-steps';
import { orderNeed, TeamEligibility } from './team-eligibility';

/** 区县推荐: a recorded ranking run for the order, then k teams in order plus alternates, the first one offered. */
@Injectable()
export class DispatchRecommendationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly dispatches: DispatchService,
    private readonly ranking: RankingService,
    private readonly steps: DispatchSteps,
    private readonly clocks: DispatchClocks,
    private readonly eligibility: TeamEligibility,
  ) {}

  async rank(id: string, p: Principal, k: number) {
    const current = await this.ds.transaction((em) => this.dispatches.lockVisible(em, id, p));
    expectStatus(current, ['DISTRICT_ACCEPTED'], '只有区县已受理的服务单可以匹配团队');
    return this.ranking.rank(p, { need: orderNeed(current.order), k, subject: { type: 'service-order', id } });
  }

  async recommend(id: string, p: Principal, input: RecommendationInput, ctx: CommandContext) {
    const visible = await this.ds.transaction((em) => this.dispatches.lockVisible(em, id, p));
    expectStatus(visible, ['DISTRICT_ACCEPTED'], '只有区县已受理的服务单可以推荐团队');
    const run = await this.ds.getRepository(MatchRun).findOneBy({ id: input.runId });
    if (!run || run.subjectType !== 'service-order' || run.subjectId !== id) {
      throw DomainError.invalid('DISPATCH_RUN_MISMATCH', '匹配记录不属于该服务单', 'runId');
    }
    const ranked = new Set(run.result.results.map((r) => r.candidateId));
    const overridden = new Map(input.overrides.map((o) => [o.candidateId, o.reason]));
    for (const [field, ids] of [['teamIds', input.teamIds], ['alternates', input.alternates]] as const) {
      const outside = ids.find((t) => !ranked.has(t) && !overridden.has(t));
      if (outside) throw DomainError.invalid('DISPATCH_TEAM_NOT_RANKED', '匹配名单之外的团队须作为人工选择写明理由', field, { profileId: outside });
    }
    const chosen = new Set([...input.teamIds, ...input.alternates]);
    const stray = input.overrides.find((o) => !chosen.has(o.candidateId) || ranked.has(o.candidateId));
    if (stray) throw DomainError.invalid('DISPATCH_OVERRIDE_STRAY', '人工选择只用于名单之外且被推荐的团队', 'overrides', { profileId: stray.candidateId });

    // The existing override path records and audits each pick (its own commit, kept even if the offer below fails).
    for (const o of input.overrides) await this.recordOverride(p, input.runId, o);

    return this.ds.transaction(async (em) => {
      const current = await this.dispatches.lockVisible(em, id, p);
      const now = new Date();
      const refs = await this.teamRefs(em, [...chosen]);
      const byId = (ids: string[]) => ids.map((t) => refs.get(t)!);
      const plan = {
        newOfferId: randomUUID,
        dueAt: this.clocks.offerDueAt(now),
        districtDueAt: this.clocks.districtDueAt(now),
        excluded: await this.eligibility.exclusions(em, orderNeed(current.order), [...chosen], now),
      };
      const step = recommend(
        current,
        { runId: input.runId, teams: byId(input.teamIds), alternates: byId(input.alternates), overrides: input.overrides },
        plan,
        ctx.actor,
        now,
      );
      await this.steps.commit(em, current, step, ctx);
      return step.state;
    });
  }

  private async recordOverride(p: Principal, runId: string, o: { candidateId: string; reason: string }): Promise<void> {
    try {
      await this.ranking.override(p, runId, o);
    } catch (e) {
      // A retried recommendation finds its overrides already recorded.
      if (e instanceof DomainError && e.code === 'MATCH_OVERRIDE_EXISTS') return;
      if (e instanceof DomainError) throw DomainError.invalid(e.code, e.message, 'overrides', { ...e.details, field: 'overrides' });
      throw e;
    }
  }

  private async teamRefs(em: EntityManager, ids: string[]): Promise<Map<string, TeamRef>> {
    const rows = (await em.query(`SELECT id, org_id, name FROM candidate_profiles WHERE id = ANY($1) AND kind = 'team'`, [ids])) as {
      id: string;
      org_id: string;
      name: string;
    }[];
    const refs = new Map(rows.map((r) => [r.id, { profileId: r.id, orgId: r.org_id, name: r.name }]));
    const missing = ids.find((t) => !refs.has(t));
    if (missing) throw DomainError.invalid('DISPATCH_TEAM_UNKNOWN', '团队不存在', 'teamIds', { profileId: missing });
    return refs;
  }
}
