import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One in-app notice. Addressed to an organisation (`recipientOrgId`) or to a role, optionally within a district;
 * (eventId, audience) is unique, so a redelivered event can never store a notice twice.
 */
@Entity({ name: 'notifications' })
export class Notification {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  eventId: string;

  @Column({ type: 'text' })
  eventType: string;

  @Column({ type: 'text' })
  audienceKey: string;

  @Column({ type: 'text', nullable: true })
  recipientOrgId: string | null;

  @Column({ type: 'text', nullable: true })
  recipientRole: string | null;

  @Column({ type: 'char', length: 6, nullable: true })
  recipientDistrict: string | null;

  @Column({ type: 'text' })
  category: string;

  @Column({ type: 'boolean' })
  mandatory: boolean;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  link: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
