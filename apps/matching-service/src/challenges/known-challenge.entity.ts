import type { ChallengeMode, FieldCode } from '@jiebang/contracts';
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

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
