import type { Role } from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Category, Channel } from '../catalogue/notice';
import type { Mode } from './preference.domain';

/** One audience's (organisation × role) choice for one category on one channel; absent means `immediate`. */
@Entity({ name: 'preferences' })
export class Preference {
  @PrimaryColumn('text')
  orgId: string;

  @PrimaryColumn('text')
  role: Role;

  @PrimaryColumn('text')
  category: Category;

  @PrimaryColumn('text')
  channel: Channel;

  @Column({ type: 'text' })
  mode: Mode;

  @Column({ type: 'text' })
  updatedBy: string;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
