import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Audit trail: one row per transition, with actor, role, reason and the old and new values. Never updated. */
@Entity({ name: 'challenge_transitions' })
export class ChallengeTransition {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  challengeId: string;

  /** A state change, or an escalation (a flag raised, status unchanged: from = to). */
  @Column({ type: 'text', default: 'transition' })
  kind: 'transition' | 'escalation';

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
