import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One try of one delivery, kept for operators: when, how long, and why it failed. */
@Entity({ name: 'delivery_attempts' })
export class DeliveryAttempt {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  deliveryId: string;

  @Column({ type: 'integer' })
  attempt: number;

  @Column({ type: 'boolean' })
  ok: boolean;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'integer' })
  durationMs: number;

  @Column({ type: 'timestamptz' })
  at: Date;
}
