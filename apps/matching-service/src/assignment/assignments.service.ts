import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type Principal } from '@jiebang/contracts';
import { isInfrastructureError } from '@jiebang/messaging';
import { DataSource, In } from 'typeorm';
import { MATCHING_CONFIG, type MatchingConfig } from '../config';
import { DEPLOYMENT_WEIGHTS } from '../ranking/engine.provider';
import { RankingEngine } from '../engine/ranking.engine';
import { canReadRun, rankingDistrict } from '../ranking/ranking.scope';
import { resolveWeights, type RankingWeights } from '../engine/weights';
import type { AssignmentRequest } from './assignment.dto';
import { AssignmentQueue } from './assignment.queue';
import { AssignmentRun } from './assignment-run.entity';
import { candidateView, type CandidateAssignmentView } from './assignment.views';
import type { BatchResult } from '../engine/assignment/batch';
import { runBatch } from '../engine/assignment/batch.builder';
import { retryTransient } from './transient';

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
    await this.assertRoomInQueue(principal);
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
      attempts: 0,
      startedAt: null,
      finishedAt: null,
    });
    await this.queue.enqueue(run.id).catch((e: Error) => this.logger.warn(`enqueue ${run.id} deferred to the sweep: ${e.message}`));
    return run;
  }

  /**
   * A run as its reader may see it. Requesters, their district and the bureau see all of it (a district never an
   * expert batch); a candidate (team, solver, expert) gets its own view: only the assignments it received.
   */
  async get(principal: Principal, id: string): Promise<AssignmentRun | CandidateAssignmentView> {
    const run = await this.ds.getRepository(AssignmentRun).findOneBy({ id });
    if (!run) throw notFound(id);
    if (CANDIDATE_ROLES.has(principal.role)) {
      const view = run.result ? candidateView(run, new Set(await this.ownCandidates(principal, run))) : undefined;
      if (!view) throw notFound(id);
      return view;
    }
    if (!canReadRun(principal, { ...run, wants: run.request.wants })) throw notFound(id);
    return run;
  }

  /**
   * The worker's job, idempotent: a finished run is left alone, a run cut off mid-way starts again — at most
   * ASSIGNMENT_MAX_ATTEMPTS times, each start counted before any work, so a run that crashes its worker every time
   * ends FAILED instead of being re-armed forever. A database that is briefly away does not fail the run: its
   * writes are retried, and if it stays away the run is left RUNNING for the sweep to start again.
   */
  async execute(runId: string): Promise<void> {
    const repo = this.ds.getRepository(AssignmentRun);
    const run = await retryTransient(() => this.claim(runId));
    if (!run) return;
    const max = this.config.ASSIGNMENT_MAX_ATTEMPTS;
    if (run.attempts > max) {
      const message = `分配任务已启动 ${max} 次均未完成（运行中断或进程崩溃）：请拆分为较小的批次后重新提交`;
      await retryTransient(() => this.finish(runId, 'FAILED', { error: { message }, progress: run.progress }));
      return;
    }
    let result: BatchResult;
    try {
      result = await runBatch(
        this.engine,
        { request: run.request, district: run.districtCode, weights: run.config.weights, now: new Date(), edgesPerItem: this.config.ASSIGNMENT_EDGES_PER_ITEM },
        (stage, progress) => this.progress(runId, stage, progress),
      );
    } catch (e) {
      if (isInfrastructureError(e)) throw e;
      this.logger.error(`assignment run ${runId} failed: ${(e as Error).stack}`);
      await retryTransient(() => this.finish(runId, 'FAILED', { error: { message: (e as Error).message }, progress: run.progress }));
      return;
    }
    await retryTransient(() => repo.update(runId, { status: result.status, stage: 'done', progress: 100, result, finishedAt: new Date() }));
  }

  /** Starts (or restarts) an unfinished run and counts the attempt; null when it is finished or unknown. */
  private async claim(runId: string): Promise<AssignmentRun | null> {
    const [rows] = (await this.ds.query(
      `UPDATE assignment_runs SET status = 'RUNNING', stage = 'affinities', progress = 1, started_at = now(), attempts = attempts + 1
        WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING id`,
      [runId],
    )) as [unknown[], number];
    return rows.length ? this.ds.getRepository(AssignmentRun).findOneByOrFail({ id: runId }) : null;
  }

  private finish(runId: string, status: 'FAILED', set: Pick<AssignmentRun, 'error' | 'progress'>): Promise<unknown> {
    return this.ds.getRepository(AssignmentRun).update(runId, { status, stage: 'failed', ...set, finishedAt: new Date() });
  }

  /** Progress is for people watching: a write that still fails after its retries is logged, and the run goes on. */
  private async progress(runId: string, stage: string, progress: number): Promise<void> {
    await retryTransient(() => this.ds.getRepository(AssignmentRun).update(runId, { stage, progress })).catch((e: Error) =>
      this.logger.warn(`assignment run ${runId}: progress ${stage} ${progress} % not recorded: ${e.message}`),
    );
  }

  /** One office (a district, the bureau) may have only so many batches waiting or running: the queue is shared. */
  private async assertRoomInQueue(p: Principal): Promise<void> {
    const [{ open }]: { open: number }[] = await this.ds.query(
      `SELECT count(*)::int AS open FROM assignment_runs WHERE requester_org_id = $1 AND status IN ('QUEUED', 'RUNNING')`,
      [p.orgId],
    );
    if (open >= this.config.ASSIGNMENT_MAX_OPEN_RUNS) {
      throw DomainError.invalidState('ASSIGNMENT_QUEUE_FULL', `本单位已有 ${open} 个分配任务在排队或运行，请待其完成后再提交`, 'QUEUE_FULL', { open });
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
