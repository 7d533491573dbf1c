import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type Principal } from '@jiebang/contracts';
import { DataSource } from 'typeorm';
import { DEPLOYMENT_WEIGHTS } from './engine.provider';
import { MatchOverride } from './match-override.entity';
import { MatchRun, type RunConfig } from './match-run.entity';
import type { Need } from '../engine/need';
import { RankingEngine } from '../engine/ranking.engine';
import type { OverrideInput } from './ranking.dto';
import { canReadRun, rankingDistrict } from './ranking.scope';
import { resolveWeights, type RankingWeights, type WeightOverrides } from '../engine/weights';

const runNotFound = (id: string) => DomainError.notFound('MATCH_RUN_NOT_FOUND', '匹配记录不存在或无权查看', { id });

/** A need to rank and where it came from (a request body, or a challenge known from events). */
export interface RankCommand {
  need: Omit<Need, 'districtCode'> & { districtCode?: string | null };
  k: number;
  weights?: WeightOverrides;
  subject: { type: MatchRun['subjectType']; id: string | null };
}

/** Rankings as recorded runs: every answer carries its run id, configuration and explanations. */
@Injectable()
export class RankingService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly engine: RankingEngine,
    @Inject(DEPLOYMENT_WEIGHTS) private readonly weights: RankingWeights,
  ) {}

  async rank(principal: Principal, cmd: RankCommand) {
    const district = rankingDistrict(principal, cmd.need.districtCode, cmd.need.wants);
    const need: Need = { ...cmd.need, districtCode: cmd.need.districtCode ?? district };
    const weights = resolveWeights(this.weights, cmd.weights);
    // The run's instant is stored as its creation time: an override later scores reputation as of this moment.
    const now = new Date();
    const result = this.engine.rank(need, { k: cmd.k, weights, now });
    const run = await this.ds.getRepository(MatchRun).save({
      id: randomUUID(),
      createdAt: now,
      subjectType: cmd.subject.type,
      subjectId: cmd.subject.id,
      requestedBy: principal.sub,
      requesterRole: principal.role,
      requesterOrgId: principal.orgId,
      districtCode: district,
      need,
      config: this.config(weights),
      result,
    });
    return { runId: run.id, createdAt: run.createdAt, need, config: run.config, ...result };
  }

  async run(principal: Principal, id: string) {
    const run = await this.ds.getRepository(MatchRun).findOneBy({ id });
    if (!run || !canReadRun(principal, { ...run, wants: run.need.wants })) throw runNotFound(id);
    const overrides = await this.ds.getRepository(MatchOverride).find({ where: { runId: id }, order: { at: 'ASC' } });
    return { runId: run.id, createdAt: run.createdAt, need: run.need, config: run.config, ...run.result, overrides };
  }

  /**
   * A district's pick outside the recommended list: allowed and recorded with its reason, and with the score and
   * breakdown the candidate had in the run's own ranking (its need, weights and instant, normalised like the list),
   * hence where it would have ranked. Hard constraints still hold: a 回避 or suspended candidate cannot be picked.
   */
  async override(principal: Principal, runId: string, input: OverrideInput): Promise<MatchOverride> {
    const run = await this.ds.getRepository(MatchRun).findOneBy({ id: runId });
    if (!run || !canReadRun(principal, { ...run, wants: run.need.wants }) || !['district', 'bureau', 'admin'].includes(principal.role)) {
      throw runNotFound(runId);
    }
    if (run.result.results.some((r) => r.candidateId === input.candidateId)) {
      throw DomainError.invalidState('MATCH_OVERRIDE_IN_LIST', '该候选方已在推荐名单中，无需人工选择', 'RECOMMENDED', { field: 'candidateId' });
    }
    const scored = this.engine.scoreWithin(run.need, input.candidateId, { weights: run.config.weights, now: run.createdAt });
    if (!scored) throw DomainError.notFound('MATCH_CANDIDATE_NOT_FOUND', '候选方不存在或类型不符', { field: 'candidateId' });
    if (scored.violations.length > 0) {
      throw DomainError.invalidState('MATCH_OVERRIDE_EXCLUDED', `不能选择该候选方：${scored.violations[0].message}`, 'EXCLUDED', {
        field: 'candidateId',
        violations: scored.violations,
      });
    }
    const exists = await this.ds.getRepository(MatchOverride).existsBy({ runId, candidateId: input.candidateId });
    if (exists) throw DomainError.invalidState('MATCH_OVERRIDE_EXISTS', '已记录对该候选方的人工选择', 'OVERRIDDEN', { field: 'candidateId' });
    return this.ds.getRepository(MatchOverride).save({
      id: randomUUID(),
      runId,
      candidateId: input.candidateId,
      reason: input.reason,
      score: scored.score,
      wouldRank: run.result.results.filter((r) => r.score > scored.score).length + 1,
      breakdown: scored.breakdown,
      actorId: principal.sub,
      actorRole: principal.role,
      actorOrgId: principal.orgId,
      at: new Date(),
    });
  }

  private config(weights: RankingWeights): RunConfig {
    const index = this.engine.index;
    return {
      weights,
      index: index.settings,
      analyzer: index.analyzer.revision,
      thesaurusEntries: this.engine.thesaurus.entries.length,
      indexedCandidates: index.size,
    };
  }
}
