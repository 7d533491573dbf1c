import type { Role } from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An organisation as notifications know it: its role, district, and where to e-mail it. */
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

  @Column({ type: 'text', array: true })
  emails: string[];

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
