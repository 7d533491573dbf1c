import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event waiting to be published, written in the same transaction as the state change it describes.
 * `position` orders the relay's reads; per subject it follows commit order because use cases lock the
 * aggregate row before appending.
 */
@Entity({ name: 'outbox' })
@Index('outbox_unpublished_idx', { synchronize: false })
export class OutboxRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  position: string;

  @Column({ type: 'uuid', unique: true })
  eventId: string;

  @Column({ type: 'text' })
  topic: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'jsonb' })
  envelope: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
