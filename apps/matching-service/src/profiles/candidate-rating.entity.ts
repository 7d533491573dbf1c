import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One enterprise rating (企业评价) of a candidate; reputation is computed from these, smoothed and decayed. */
@Entity({ name: 'candidate_ratings' })
export class CandidateRating {
  @PrimaryColumn('uuid')
  profileId: string;

  @PrimaryColumn('text')
  ratingId: string;

  /** `real` since the workflow's ratings (WorkflowRatings1764610000000): the mean of four criteria, e.g. 4.25. */
  @Column({ type: 'real' })
  score: number;

  @Column({ type: 'timestamptz' })
  ratedAt: Date;

  @Column({ type: 'text' })
  enterpriseOrgId: string;

  /** The service order rated; null for the bureau's imported ratings. */
  @Column({ type: 'uuid', nullable: true })
  orderId: string | null;

  /** Set when an appeal was upheld: the rating stays on record and stops counting. */
  @Column({ type: 'timestamptz', nullable: true })
  voidedAt: Date | null;
}
