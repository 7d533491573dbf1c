import type { Role } from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type EndpointStatus = 'active' | 'disabled';

/**
 * A receiver an organisation registered for some categories. The secret signs every delivery, so it must be
 * recoverable (HMAC needs it): it is stored sealed with AES-256-GCM (secret-box.ts) and shown to the owner only
 * when issued.
 */
@Entity({ name: 'webhook_endpoints' })
export class WebhookEndpoint {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  orgId: string;

  /** The role the owner registered it in, so the notice about it reaches the same inbox. */
  @Column({ type: 'text' })
  ownerRole: Role;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', array: true })
  categories: string[];

  /** `aes-256-gcm:<key id>:…`, never the secret itself (a database constraint enforces the prefix). */
  @Column({ name: 'secret', type: 'text', select: false })
  sealedSecret: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text' })
  status: EndpointStatus;

  @Column({ type: 'integer' })
  consecutiveFailures: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @Column({ type: 'text' })
  createdBy: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
