import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A dispute upheld against a candidate: blocks pairing it with that enterprise for a configurable window. */
@Entity({ name: 'candidate_disputes' })
export class CandidateDispute {
  @PrimaryColumn('uuid')
  profileId: string;

  @PrimaryColumn('text')
  disputeId: string;

  @Column({ type: 'text' })
  enterpriseOrgId: string;

  @Column({ type: 'timestamptz' })
  upheldAt: Date;

  @Column({ type: 'text' })
  reason: string;
}
