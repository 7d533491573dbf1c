import type { Role } from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One in-app notice, addressed to an organisation in a role or to one person (an assigned expert). Its id is the
 * id of the delivery that put it here, so a re-run of that delivery can never store it twice.
 */
@Entity({ name: 'notifications' })
export class Notification {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  sourceId: string;

  @Column({ type: 'text' })
  eventType: string;

  @Column({ type: 'text' })
  noticeId: string;

  @Column({ type: 'text', nullable: true })
  recipientOrgId: string | null;

  @Column({ type: 'text', nullable: true })
  recipientUserId: string | null;

  @Column({ type: 'text' })
  recipientRole: Role;

  @Column({ type: 'text' })
  category: string;

  @Column({ type: 'boolean' })
  mandatory: boolean;

  @Column({ type: 'text' })
  priority: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  link: string;

  /** When the fact happened (the event's time). */
  @Column({ type: 'timestamptz' })
  createdAt: Date;

  /** When it reached the inbox; minus createdAt, the event→inbox latency. */
  @Column({ type: 'timestamptz' })
  deliveredAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
