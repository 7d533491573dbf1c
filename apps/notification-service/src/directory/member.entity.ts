import type { Role } from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person who registered with notifications, so notices addressed to them (an assigned expert) can reach them. */
@Entity({ name: 'directory_members' })
export class Member {
  @PrimaryColumn('text')
  userId: string;

  @Column({ type: 'text' })
  orgId: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
