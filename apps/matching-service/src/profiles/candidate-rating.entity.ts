import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One enterprise rating (企业评价) of a candidate; reputation is computed from these, smoothed and decayed. */
@Entity({ name: 'candidate_ratings' })
export class CandidateRating {
  @PrimaryColumn('uuid')
  profileId: string;

  @PrimaryColumn('text')
  ratingId: string;

  @Column({ type: 'smallint' })
  score: number;

  @Column({ type: 'timestamptz' })
  ratedAt: Date;

  @Column({ type: 'text' })
  enterpriseOrgId: string;
}
