import type { Role } from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A matching profile (team, solver, expert) and the organisation behind it, so profile facts reach their owner. */
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

  @Column({ type: 'integer' })
  sequence: number;
}
