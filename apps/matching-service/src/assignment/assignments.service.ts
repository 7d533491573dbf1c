import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type Principal } from '@jiebang/contracts';
import { DataSource, In } from 'typeorm';
import { MATCHING_CONFIG, type MatchingConfig } from '../config';
import { DEPLOYMENT_WEIGHTS } from '../ranking/engine.provider';
import { RankingEngine } from '../ranking/ranking.engine';
import { canReadRun, rankingDistrict } from '../ranking/ranking.scope';
import { resolveWeights, type RankingWeights } from '../ranking/weights';
import type { AssignmentRequest } from './assignment.dto';
import { AssignmentQueue } from './assignment.queue';
import { AssignmentRun } from './assignment-run.entity';
import { runBatch } from './batch.builder';

const notFound = (id: string) => DomainError.notFound('ASSIGNMENT_RUN_NOT_FOUND', '分配任务不存在或无权查看', { id });
const CANDIDATE_ROLES = new Set(['team', 'solver', 'expert']);

/** Batch assignment runs: accepted at once, computed by the queue's worker, read back with progress and result. */
@Injectable()
export class AssignmentsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Assignments');
  private sweeper?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly engine: RankingEngine,
    private readonly queue: AssignmentQueue,
    @Inject(DEPLOYMENT_WEIGHTS) private readonly weights: RankingWeights,
    @Inject(MATCHING_CONFIG) private readonly config: MatchingConfig,
  ) {
    queue.process((runId) => this.execute(runId));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), this.config.ASSIGNMENT_SWEEP_INTERVAL_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  async request(principal: Principal, request: AssignmentRequest): Promise<AssignmentRun> {
    const district = rankingDistrict(principal, null, request.wants);
    if (principal.role === 'district') {
      const foreign = request.items.find((i) => i.districtCode && i.districtCode !== district);
      if (foreign) {
        throw DomainError.forbidden('MATCH_DISTRICT_FORBIDDEN', '区县科技局只能为本区县的事项分配', { field: 'items', itemId: foreign.id });
      }
    }
    const weights = resolveWeights(this.weights, request.weights);
    const index = this.engine.index;
    const run = await this.ds.getRepository(AssignmentRun).save({
      id: randomUUID(),
      status: 'QUEUED',
      stage: 'queued',
      progress: 0,
      requestedBy: principal.sub,
      requesterRole: principal.role,
      requesterOrgId: principal.orgId,
      districtCode: district,
      request,
      config: {
        weights,
        index: index.settings,
        analyzer: index.analyzer.revision,
        thesaurusEntries: this.engine.thesaurus.entries.length,
        indexedCandidates: index.size,
      },
      result: null,
      error: null,
      startedAt: null,
      finishedAt: null,
    });
    await this.queue.enqueue(run.id).catch((e: Error) => this.logger.warn(`enqueue ${run.id} deferred to the sweep: ${e.message}`));
    return run;
  }

  /**
   * A run as its reader may see it. Requesters, their district and the bureau see all of it; a candidate (team,
   * solver, expert) sees only the items it was assigned to — experts only their assignments.
   */
  async get(principal: Principal, id: string): Promise<AssignmentRun> {
    const run = await this.ds.getRepository(AssignmentRun).findOneBy({ id });
    if (!run) throw notFound(id);
    if (canReadRun(principal, run) && !CANDIDATE_ROLES.has(principal.role)) return run;
    if (!CANDIDATE_ROLES.has(principal.role) || !run.result) throw notFound(id);
    const mine = new Set(await this.ownCandidates(principal, run));
    const items = run.result.items
      .map((i) => ({ ...i, assigned: i.assigned.filter((a) => mine.has(a.candidateId)), alternates: [], excluded: [] }))
      .filter((i) => i.assigned.length > 0);
    if (items.length === 0) throw notFound(id);
    return { ...run, request: { ...run.request, items: [], conflicts: [] }, result: { ...run.result, items, loads: [] } };
  }

  /** The worker's job: idempotent (a finished run is left alone; a run cut off mid-way starts again). */
  async execute(runId: string): Promise<void> {
    const repo = this.ds.getRepository(AssignmentRun);
    const run = await repo.findOneBy({ id: runId });
    if (!run || !['QUEUED', 'RUNNING'].includes(run.status)) return;
    await repo.update(runId, { status: 'RUNNING', stage: 'affinities', progress: 1, startedAt: new Date() });
    try {
      const result = await runBatch(
        this.engine,
        { request: run.request, district: run.districtCode, weights: run.config.weights, now: new Date(), edgesPerItem: this.config.ASSIGNMENT_EDGES_PER_ITEM },
        (stage, progress) => repo.update(runId, { stage, progress }).then(() => undefined),
      );
      await repo.update(runId, { status: result.status, stage: 'done', progress: 100, result, finishedAt: new Date() });
    } catch (e) {
      this.logger.error(`assignment run ${runId} failed: ${(e as Error).stack}`);
      await repo.update(runId, { status: 'FAILED', stage: 'failed', error: { message: (e as Error).message }, finishedAt: new Date() });
    }
  }

  /** Re-arms runs whose job Redis lost (it keeps nothing on disk here); enqueue is a no-op for live jobs. */
  private async sweep(): Promise<void> {
    try {
      const open = await this.ds.getRepository(AssignmentRun).find({ select: { id: true }, where: { status: In(['QUEUED', 'RUNNING']) } });
      for (const { id } of open) await this.queue.enqueue(id);
    } catch (e) {
      this.logger.warn(`assignment sweep: ${(e as Error).message}`);
    }
  }

  /** The caller's own profiles among those the run placed: its organisation's, or for an expert the one it registered. */
  private async ownCandidates(p: Principal, run: AssignmentRun): Promise<string[]> {
    const ids = run.result!.loads.map((l) => l.candidateId);
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM candidate_profiles WHERE id = ANY($1::uuid[]) AND kind = $2
         AND (CASE WHEN kind = 'expert' THEN owner_id = $3 ELSE org_id = $4 END)`,
      [ids, p.role, p.sub, p.orgId],
    );
    return rows.map((r) => r.id);
  }
}
