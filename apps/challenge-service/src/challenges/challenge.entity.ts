import type { ChallengeMode, FieldCode } from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ChallengeState, ChallengeStatus } from './challenge.domain';

/** The 榜单 row; structurally a `ChallengeState`, so the domain functions take and return it without a mapper. */
@Entity({ name: 'challenges' })
export class Challenge implements ChallengeState {
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

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  vettingOverdueAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
