import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RunConfig } from '../ranking/match-run.entity';
import type { AssignmentRequest } from './assignment.dto';
import type { BatchResult } from '../engine/assignment/batch';

export const ASSIGNMENT_STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'INFEASIBLE', 'FAILED'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/**
 * A batch assignment run. Postgres holds the truth (request, progress, result); the BullMQ job (id = run id) only
 * triggers the work and is re-armed from here if Redis loses it.
 */
@Entity({ name: 'assignment_runs' })
export class AssignmentRun {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  status: AssignmentStatus;

  /** What the run is doing now: queued, affinities, solving, comparing, done. */
  @Column({ type: 'text' })
  stage: string;

  /** 0–100. */
  @Column({ type: 'integer' })
  progress: number;

  @Column({ type: 'text' })
  requestedBy: string;

  @Column({ type: 'text' })
  requesterRole: string;

  @Column({ type: 'text' })
  requesterOrgId: string;

  @Column({ type: 'char', length: 6, nullable: true })
  districtCode: string | null;

  @Column({ type: 'jsonb' })
  request: AssignmentRequest;

  @Column({ type: 'jsonb' })
  config: RunConfig;

  @Column({ type: 'jsonb', nullable: true })
  result: BatchResult | null;

  @Column({ type: 'jsonb', nullable: true })
  error: { message: string } | null;

  /** Times a worker started the run; past ASSIGNMENT_MAX_ATTEMPTS it is FAILED instead of started again. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
