import type { ApplicantRole, Attachment, ChallengeMode, EliminationPolicy } from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MilestoneState, MilestoneStatus, ProjectState, ProjectStatus } from './project.domain';

/** The project row; structurally a `ProjectState`, so the domain takes and returns it without a mapper. */
@Entity({ name: 'projects' })
export class ProjectRow implements ProjectState {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') challengeId: string;
  @Column('text') status: ProjectStatus;
  @Column('integer') version: number;
  @Column('text') title: string;
  @Column('text') mode: ChallengeMode;
  @Column({ type: 'text', nullable: true }) eliminationPolicy: EliminationPolicy | null;
  @Column('smallint') maxRectificationRounds: number;
  @Column('smallint') rectificationRound: number;
  @Column('text') enterpriseOrgId: string;
  @Column('text') enterpriseName: string;
  @Column({ type: 'char', length: 6 }) districtCode: string;
  @Column('uuid') applicationId: string;
  @Column('text') solverOrgId: string;
  @Column('text') solverName: string;
  @Column('text') solverRole: ApplicantRole;
  @Column('uuid') profileId: string;
  @Column('smallint') rank: number;
  /** The last applied fact's sequence on the current application's stream: older ones are stale. */
  @Column('integer') applicationSequence: number;
  @Column({ type: 'timestamptz', nullable: true }) contractedAt: Date | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

@Entity({ name: 'project_milestones' })
export class MilestoneRow implements MilestoneState {
  @PrimaryColumn('uuid') projectId: string;
  @PrimaryColumn('smallint') index: number;
  @Column('text') title: string;
  @Column('jsonb') deliverables: string[];
  @Column('integer') dueOffsetDays: number;
  @Column('boolean') midterm: boolean;
  @Column('text') status: MilestoneStatus;
  @Column({ type: 'timestamptz', nullable: true }) dueAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) reviewOverdueAt: Date | null;
  /** What the solver last submitted: its deliverables and attachments. */
  @Column({ type: 'jsonb', nullable: true }) submission: { deliverables: string[]; attachments: Attachment[] } | null;
}
