import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per event a consumer group has applied; inserted in the same transaction as the effect. */
@Entity({ name: 'inbox' })
export class InboxRecord {
  @PrimaryColumn({ type: 'text' })
  consumerGroup: string;

  @PrimaryColumn({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'integer' })
  sequence: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  processedAt: Date;
}
