import type { CandidateKind, FieldCode, Qualification, Region, SolverType, Willingness } from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CandidateAnalysis } from '../engine/candidate';
import type { ProfileState } from './profile.domain';

/** A solver, team or expert profile: the source of truth the in-memory index is built from. */
@Entity({ name: 'candidate_profiles' })
export class CandidateProfile implements ProfileState {
  @PrimaryColumn('uuid')
  id: string;

  /** Aggregate version, carried as the events' `sequence`. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  kind: CandidateKind;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  orgId: string;

  @Column({ type: 'text' })
  orgName: string;

  /** The person who registered an expert profile (experts edit only their own). */
  @Column({ type: 'text', nullable: true })
  ownerId: string | null;

  @Column({ type: 'char', length: 6, nullable: true })
  districtCode: string | null;

  @Column({ type: 'text' })
  region: Region;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Column({ type: 'jsonb' })
  fields: FieldCode[];

  @Column({ type: 'text' })
  capabilities: string;

  @Column({ type: 'jsonb' })
  pastWork: string[];

  @Column({ type: 'jsonb' })
  keywords: string[];

  @Column({ type: 'integer' })
  maxLoad: number;

  @Column({ type: 'integer' })
  openLoad: number;

  @Column({ type: 'jsonb' })
  affiliations: string[];

  @Column({ type: 'boolean' })
  suspended: boolean;

  @Column({ type: 'text' })
  willingness: Willingness;

  /** Null where the profile does not say (experts, profiles registered before eligibility existed). */
  @Column({ type: 'text', nullable: true })
  orgType?: SolverType;

  @Column({ type: 'jsonb' })
  qualifications?: Qualification[];

  @Column({ type: 'jsonb', select: false })
  analysis: CandidateAnalysis;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
