import type { Role } from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An organisation as notifications know it: its role and district (contacts are kept per role: directory_contacts). */
@Entity({ name: 'directory_organisations' })
export class Organisation {
  @PrimaryColumn('text')
  id: string;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'char', length: 6, nullable: true })
  districtCode: string | null;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
