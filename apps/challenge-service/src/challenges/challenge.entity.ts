import type {
  ChallengeMode,
  ConfidentialField,
  Eligibility,
  EliminationPolicy,
  FieldCode,
  IpArrangement,
  MilestonePlan,
  RankedApplication,
  ReviewWeights,
} from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AwardFields } from './award.domain';
import type { ChallengeState, ChallengeStatus } from './challenge.domain';

/** The 榜单 row; structurally a `ChallengeState`, so the domain functions take and return it without a mapper. */
@Entity({ name: 'challenges' })
export class Challenge implements ChallengeState, AwardFields {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  status: ChallengeStatus;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  enterpriseOrgId: string;

  @Column({ type: 'text' })
  enterpriseName: string;

  @Column({ type: 'char', length: 6 })
  districtCode: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'jsonb' })
  indicators: string[];

  @Column({ type: 'jsonb' })
  keywords: string[];

  @Column({ type: 'jsonb' })
  fields: FieldCode[];

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  bountyYuan: number;

  @Column({ type: 'date' })
  deadline: string;

  @Column({ type: 'text' })
  mode: ChallengeMode;

  @Column({ type: 'smallint' })
  maxWinners: number;

  @Column({ type: 'timestamptz' })
  deadlineAt: Date;

  @Column({ type: 'text', nullable: true })
  researchContent: string | null;

  @Column({ type: 'smallint', nullable: true })
  durationMonths: number | null;

  @Column({ type: 'jsonb' })
  milestones: MilestonePlan[];

  @Column({ type: 'jsonb' })
  eligibility: Eligibility;

  @Column({ type: 'jsonb' })
  ipArrangement: IpArrangement;

  @Column({ type: 'jsonb' })
  reviewWeights: ReviewWeights;

  @Column({ type: 'jsonb' })
  confidentialFields: ConfidentialField[];

  @Column({ type: 'text', nullable: true })
  eliminationPolicy: EliminationPolicy | null;

  @Column({ type: 'smallint' })
  maxRectificationRounds: number;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** A pending withdrawal request (撤榜申请) of a published 榜单: since when, and the enterprise's reason. */
  @Column({ type: 'timestamptz', nullable: true })
  withdrawalRequestedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  withdrawalReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  vettingOverdueAt: Date | null;

  /** The last fact of matching's review stream applied to this 榜单 (its `sequence`): older re-drives are ignored. */
  @Column({ type: 'integer', default: 0 })
  reviewSequence: number;

  /** The ranking of the last completed review round, best first: the PROPOSED ones are what the 公示 shows. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  reviewRanking: RankedApplication[];

  /** When the current (or last) 公示 ends; null before review completes and after an upheld objection. */
  @Column({ type: 'timestamptz', nullable: true })
  publicNoticeEndsAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
