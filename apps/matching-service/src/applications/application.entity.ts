import type { ApplicantRole, Proposal } from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ApplicationStatus } from './application.domain';

/** 揭榜申请: an organisation's application to one 榜单, through one of its matching profiles. */
@Entity({ name: 'applications' })
export class Application {
  @PrimaryColumn('uuid')
  id: string;

  /** Aggregate version, carried as the events' `sequence`. */
  @Column({ type: 'integer' })
  version: number;

  @Column('uuid')
  challengeId: string;

  @Column({ type: 'text' })
  applicantOrgId: string;

  @Column({ type: 'text' })
  applicantName: string;

  @Column({ type: 'text' })
  applicantRole: ApplicantRole;

  @Column('uuid')
  profileId: string;

  @Column({ type: 'text' })
  status: ApplicationStatus;

  @Column({ type: 'jsonb' })
  proposal: Proposal;

  /** The last submission (a RETURNED application submitted again moves it). */
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'integer' })
  submissionCount: number;

  /** The formal check's reason (INELIGIBLE, RETURNED). */
  @Column({ type: 'text', nullable: true })
  checkReason: string | null;

  /** The project a SELECTED application takes on (created by challenge-service on the award). */
  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  signDueAt: Date | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
