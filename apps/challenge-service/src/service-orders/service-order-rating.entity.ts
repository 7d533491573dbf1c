import type { TeamRef } from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AppealStatus, RatingState, RatingStatus } from './rating.domain';

/** 企业评价 of one order (at most one: a unique index), and the serving team's appeal of it. */
@Entity({ name: 'service_order_ratings' })
export class ServiceOrderRating implements RatingState {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  orderId: string;

  @Column({ type: 'text' })
  status: RatingStatus;

  @Column({ type: 'char', length: 6 })
  districtCode: string;

  @Column({ type: 'jsonb' })
  team: TeamRef;

  @Column({ type: 'smallint' })
  response: number;

  @Column({ type: 'smallint' })
  expertise: number;

  @Column({ type: 'smallint' })
  effect: number;

  @Column({ type: 'smallint' })
  attitude: number;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'text', nullable: true })
  appealStatus: AppealStatus | null;

  @Column({ type: 'text', nullable: true })
  appealReason: string | null;

  @Column({ type: 'timestamptz' })
  appealDueAt: Date;

  @Column({ type: 'timestamptz' })
  ratedAt: Date;
}
