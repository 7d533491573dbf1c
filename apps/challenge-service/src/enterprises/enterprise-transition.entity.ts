import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EnterpriseAction } from './enterprise.domain';

/** Audit trail of a profile: one row per registration, edit and decision, with actor, role, reason, old and new values. */
@Entity({ name: 'enterprise_transitions' })
export class EnterpriseTransition {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('text')
  enterpriseOrgId: string;

  @Column({ type: 'text' })
  action: EnterpriseAction;

  @Column({ type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ type: 'text' })
  toStatus: string;

  @Column({ type: 'text' })
  actorId: string;

  @Column({ type: 'text' })
  actorRole: string;

  @Column({ type: 'text', nullable: true })
  actorOrgId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb' })
  changes: Record<string, unknown>;

  @Column({ type: 'uuid', nullable: true })
  eventId: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}
