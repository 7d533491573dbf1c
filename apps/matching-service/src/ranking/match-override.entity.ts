import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FactorScore } from '../engine/result';

/** A district's manual pick outside the recommended list, with its reason and the score it had (驾驶舱 measures these). */
@Entity({ name: 'match_overrides' })
export class MatchOverride {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  runId: string;

  @Column('uuid')
  candidateId: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'double precision' })
  score: number;

  /** The position the candidate would have taken in the run's list. */
  @Column({ type: 'integer' })
  wouldRank: number;

  @Column({ type: 'jsonb' })
  breakdown: FactorScore[];

  @Column({ type: 'text' })
  actorId: string;

  @Column({ type: 'text' })
  actorRole: string;

  @Column({ type: 'text' })
  actorOrgId: string;

  @Column({ type: 'timestamptz' })
  at: Date;
}
