import type { EnterpriseQualification, EnterpriseStatus, EnterpriseType } from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EnterpriseContact, EnterpriseState } from './enterprise.domain';

/** The 企业档案 row; structurally an `EnterpriseState`, so the domain functions take and return it without a mapper. */
@Entity({ name: 'enterprises' })
export class Enterprise implements EnterpriseState {
  @PrimaryColumn('text')
  orgId: string;

  @Column({ type: 'text' })
  status: EnterpriseStatus;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'char', length: 18 })
  creditCode: string;

  @Column({ type: 'char', length: 6 })
  districtCode: string;

  @Column({ type: 'text' })
  type: EnterpriseType;

  @Column({ type: 'jsonb' })
  qualifications: EnterpriseQualification[];

  @Column({ type: 'jsonb' })
  contacts: EnterpriseContact[];

  @Column({ type: 'jsonb' })
  relatedOrgIds: string[];

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  rejectionReason: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
