import type { Role } from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeliveryContent } from '../catalogue/channel-input';
import type { Channel } from '../catalogue/notice';
import type { DeliveryStatus } from './delivery.domain';

/**
 * What must be delivered, written in the inbox transaction of the event that caused it. Postgres, not Redis, is the
 * source of truth: a BullMQ job (id = this id) only triggers the delivery, and is re-armed from here if lost.
 */
@Entity({ name: 'deliveries' })
export class Delivery {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  sourceId: string;

  @Column({ type: 'text' })
  eventType: string;

  @Column({ type: 'text' })
  noticeId: string;

  @Column({ type: 'text' })
  channel: Channel;

  @Column({ type: 'text' })
  category: string;

  @Column({ type: 'boolean' })
  mandatory: boolean;

  @Column({ type: 'text' })
  priority: string;

  @Column({ type: 'text', nullable: true })
  recipientOrgId: string | null;

  @Column({ type: 'text', nullable: true })
  recipientUserId: string | null;

  @Column({ type: 'text' })
  recipientRole: Role;

  @Column({ type: 'text', nullable: true })
  target: string | null;

  @Column({ type: 'text' })
  status: DeliveryStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb' })
  content: DeliveryContent;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'integer' })
  replays: number;

  @Column({ type: 'uuid', nullable: true })
  digestId: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
