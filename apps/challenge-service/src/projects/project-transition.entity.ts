import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Audit trail: one row per change of a project or milestone, escalation or ledger movement. Never updated. */
@Entity({ name: 'project_transitions' })
export class ProjectTransitionRow {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('uuid') projectId: string;
  @Column({ type: 'smallint', nullable: true }) milestoneIndex: number | null;
  @Column('text') kind: 'transition' | 'escalation' | 'ledger';
  @Column({ type: 'text', nullable: true }) fromStatus: string | null;
  @Column('text') toStatus: string;
  @Column('text') actorId: string;
  @Column('text') actorRole: string;
  @Column({ type: 'text', nullable: true }) actorOrgId: string | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column('jsonb') changes: Record<string, unknown>;
  @Column({ type: 'uuid', nullable: true }) eventId: string | null;
  @Column('timestamptz') at: Date;
}
