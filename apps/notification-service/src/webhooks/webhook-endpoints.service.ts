import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type Principal } from '@jiebang/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { SecretBox } from './secret-box';
import type { RegisterWebhookInput } from './webhook.dto';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { refuseTarget, webhookTargetPolicy, type TargetRefusal } from './webhook-target';

/** Registration refusals (SSRF): 400 with a stable code and the field at fault. */
const REFUSALS: Record<TargetRefusal, () => DomainError> = {
  'https-required': () => DomainError.invalid('WEBHOOK_URL_HTTPS_REQUIRED', 'Webhook 地址必须使用 https', 'url'),
  'private-address': () =>
    DomainError.invalid(
      'WEBHOOK_URL_PRIVATE_TARGET',
      'Webhook 地址不能指向本机、内网、链路本地或云平台元数据等内部地址，请填写可从公网访问的地址',
      'url',
    ),
};

/** Organisations' webhook endpoints, and their health: repeated failures disable an endpoint. */
@Injectable()
export class WebhookEndpoints {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    private readonly box: SecretBox,
  ) {}

  /**
   * The secret is returned here (and on rotation) only; it is stored sealed. A URL aimed at an internal address
   * is refused (SSRF); the sender checks again after resolving the name, which this cannot see.
   */
  async register(p: Principal, input: RegisterWebhookInput): Promise<Omit<WebhookEndpoint, 'sealedSecret'> & { secret: string }> {
    const refusal = refuseTarget(new URL(input.url), webhookTargetPolicy(this.config));
    if (refusal) throw REFUSALS[refusal]();
    const id = randomUUID();
    const secret = newSecret();
    const endpoint: Omit<WebhookEndpoint, 'sealedSecret'> = {
      id,
      orgId: p.orgId,
      ownerRole: p.role,
      url: input.url,
      categories: [...new Set(input.categories)],
      description: input.description,
      status: 'active',
      consecutiveFailures: 0,
      lastError: null,
      lastSuccessAt: null,
      disabledAt: null,
      createdBy: p.sub,
      createdAt: new Date(),
    };
    await this.dataSource.getRepository(WebhookEndpoint).insert({ ...endpoint, sealedSecret: this.box.seal(secret, id) });
    return { ...endpoint, secret };
  }

  list(orgId: string): Promise<WebhookEndpoint[]> {
    return this.dataSource.getRepository(WebhookEndpoint).find({ where: { orgId }, order: { createdAt: 'ASC' } });
  }

  async remove(p: Principal, id: string): Promise<void> {
    await this.own(p, id);
    await this.dataSource.getRepository(WebhookEndpoint).delete({ id });
  }

  /** The owner re-enables an endpoint after fixing the receiver; the failure count starts again. */
  async enable(p: Principal, id: string): Promise<WebhookEndpoint> {
    await this.own(p, id);
    await this.dataSource
      .getRepository(WebhookEndpoint)
      .update({ id }, { status: 'active', consecutiveFailures: 0, disabledAt: null });
    return this.own(p, id);
  }

  async rotateSecret(p: Principal, id: string): Promise<{ id: string; secret: string }> {
    await this.own(p, id);
    const secret = newSecret();
    await this.dataSource.getRepository(WebhookEndpoint).update({ id }, { sealedSecret: this.box.seal(secret, id) });
    return { id, secret };
  }

  async activeFor(em: EntityManager, orgIds: string[]): Promise<Map<string, { id: string; categories: string[] }[]>> {
    const byOrg = new Map<string, { id: string; categories: string[] }[]>();
    if (orgIds.length === 0) return byOrg;
    const rows: { id: string; orgId: string; categories: string[] }[] = await em.query(
      `SELECT id, org_id AS "orgId", categories FROM webhook_endpoints WHERE org_id = ANY($1) AND status = 'active'`,
      [orgIds],
    );
    for (const e of rows) {
      byOrg.set(e.orgId, [...(byOrg.get(e.orgId) ?? []), e]);
    }
    return byOrg;
  }

  /** What sending needs, the secret opened; null once deleted. */
  async forSending(id: string): Promise<(Pick<WebhookEndpoint, 'id' | 'url' | 'status'> & { secret: string }) | null> {
    const rows: (Pick<WebhookEndpoint, 'id' | 'url' | 'status'> & { sealed: string })[] = await this.dataSource.query(
      `SELECT id, url, secret AS sealed, status FROM webhook_endpoints WHERE id = $1`,
      [id],
    );
    if (!rows[0]) return null;
    const { sealed, ...endpoint } = rows[0];
    return { ...endpoint, secret: this.box.open(sealed, id) };
  }

  /** Resets the failure count. Writes only when there is something to change (or once a minute): every delivery to a
   * busy endpoint succeeding would otherwise queue up on the lock of this one row. */
  async recordSuccess(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_endpoints SET consecutive_failures = 0, last_error = NULL, last_success_at = now()
       WHERE id = $1 AND (consecutive_failures > 0 OR last_success_at IS NULL OR last_success_at < now() - interval '1 minute')`,
      [id],
    );
  }

  /**
   * Counts a failed attempt; at `threshold` consecutive failures the endpoint is disabled. Returns the endpoint
   * when this very failure disabled it (exactly one caller sees that, so its owner is told once).
   */
  async recordFailure(em: EntityManager, id: string, error: string, threshold: number): Promise<WebhookEndpoint | null> {
    // For an UPDATE, TypeORM's query() answers [rows, rowCount].
    const [rows]: [(WebhookEndpoint & { disabledNow: boolean })[], number] = await em.query(
      `UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1, last_error = $2,
         status = CASE WHEN consecutive_failures + 1 >= $3 THEN 'disabled' ELSE status END,
         disabled_at = CASE WHEN consecutive_failures + 1 >= $3 AND status = 'active' THEN now() ELSE disabled_at END
       WHERE id = $1
       RETURNING id, org_id AS "orgId", owner_role AS "ownerRole", url, status, consecutive_failures AS "consecutiveFailures",
         last_error AS "lastError", disabled_at AS "disabledAt", (status = 'disabled' AND consecutive_failures = $3) AS "disabledNow"`,
      [id, error.slice(0, 500), threshold],
    );
    return rows[0]?.disabledNow ? rows[0] : null;
  }

  private async own(p: Principal, id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.dataSource.getRepository(WebhookEndpoint).findOneBy({ id, orgId: p.orgId });
    if (!endpoint) throw DomainError.notFound('WEBHOOK_NOT_FOUND', '本机构没有该 Webhook 端点', { id });
    return endpoint;
  }
}

function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
