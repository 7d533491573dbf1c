import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TimelineEntry } from './service-order.domain';

/** The order's timeline (audit trail): every transition, flag and note, with actor, role, time, reason and event. */
@Entity({ name: 'service_order_timeline' })
export class ServiceOrderTimeline {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  orderId: string;

  @Column({ type: 'text' })
  kind: TimelineEntry['kind'];

  @Column({ type: 'text' })
  action: string;

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
