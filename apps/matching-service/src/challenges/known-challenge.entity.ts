import type { ChallengeMode, Eligibility, FieldCode, ReviewWeights } from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What matching knows of a challenge (榜单), built from challenge events: the need text and facts the ranking
 * and 回避 rules use. `lastSequence` is the aggregate version last applied; an older fact never overwrites it.
 */
@Entity({ name: 'known_challenges' })
export class KnownChallenge {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'integer' })
  lastSequence: number;

  @Column({ type: 'text' })
  status: string;

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

  /** The instant applications close; null until the 榜单 is published (v1 submissions carry only the date). */
  @Column({ type: 'timestamptz', nullable: true })
  deadlineAt: Date | null;

  @Column({ type: 'integer' })
  maxWinners: number;

  /** Null until published. */
  @Column({ type: 'jsonb', nullable: true })
  eligibility: Eligibility | null;

  /** Null until published. */
  @Column({ type: 'jsonb', nullable: true })
  reviewWeights: ReviewWeights | null;

  /** Shareholders, parents and partners of the enterprise: 回避 applies to them as to the enterprise. */
  @Column({ type: 'jsonb' })
  enterpriseRelatedOrgIds: string[];

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
