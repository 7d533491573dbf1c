import type { Role } from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A matching profile (team, solver, expert), the organisation behind it and, for an expert, the person owning it, so
 * profile facts reach their owner.
 */
@Entity({ name: 'directory_profiles' })
export class Profile {
  @PrimaryColumn('text')
  profileId: string;

  @Column({ type: 'text' })
  orgId: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'text' })
  name: string;

  /** The expert's user id when the profile's registration named its owner; null for teams and solvers. */
  @Column({ type: 'text', nullable: true })
  ownerId: string | null;

  @Column({ type: 'integer' })
  sequence: number;
}
