import type { FieldCode, ServiceMode, TeamRef, Urgency } from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ServiceOrderState, ServiceOrderStatus } from './service-order.domain';

/** The 服务订单 row; structurally a `ServiceOrderState`, so the domain takes and returns it without a mapper. */
@Entity({ name: 'service_orders' })
export class ServiceOrder implements ServiceOrderState {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  status: ServiceOrderStatus;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  enterpriseOrgId: string;

  @Column({ type: 'text' })
  enterpriseName: string;

  @Column({ type: 'char', length: 6 })
  districtCode: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'jsonb' })
  fields: FieldCode[];

  @Column({ type: 'text' })
  urgency: Urgency;

  @Column({ type: 'text' })
  serviceMode: ServiceMode;

  @Column({ type: 'jsonb' })
  window: { from: string; to: string };

  @Column({ type: 'jsonb' })
  contact: { name: string; phone: string };

  @Column({ type: 'jsonb', nullable: true })
  team: TeamRef | null;

  @Column({ type: 'integer' })
  dispatchSequence: number;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  disputedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
