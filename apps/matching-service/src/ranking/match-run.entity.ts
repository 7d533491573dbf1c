import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Need } from '../engine/need';
import type { RankResult } from '../engine/result';
import type { RankingWeights, IndexSettings } from '../engine/weights';

/** The configuration a run used: enough to explain and replay it (weights, index settings, analyzer, thesaurus). */
export interface RunConfig {
  weights: RankingWeights;
  index: IndexSettings;
  analyzer: string;
  thesaurusEntries: number;
  indexedCandidates: number;
}

/** One ranking, stored with its need, configuration and result, so a recommendation can be audited later. */
@Entity({ name: 'match_runs' })
export class MatchRun {
  @PrimaryColumn('uuid')
  id: string;

  /** `need` (described in the request), `challenge` (a challenge known from events) or `service-order` (a dispatch). */
  @Column({ type: 'text' })
  subjectType: 'need' | 'challenge' | 'service-order';

  @Column({ type: 'text', nullable: true })
  subjectId: string | null;

  @Column({ type: 'text' })
  requestedBy: string;

  @Column({ type: 'text' })
  requesterRole: string;

  @Column({ type: 'text' })
  requesterOrgId: string;

  @Column({ type: 'char', length: 6, nullable: true })
  districtCode: string | null;

  @Column({ type: 'jsonb' })
  need: Need;

  @Column({ type: 'jsonb' })
  config: RunConfig;

  @Column({ type: 'jsonb' })
  result: RankResult;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
