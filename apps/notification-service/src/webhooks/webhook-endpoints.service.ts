import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type Principal, type Role } from '@jiebang/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { orgRoleKey, type OrgRole } from '../directory/directory.domain';
import { SecretBox } from './secret-box';
import { checkRegistration } from './webhook.domain';
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

/** Active endpoints by audience (`orgRoleKey`). */
export type ActiveEndpoints = Map<string, { id: string; categories: string[] }[]>;

/**
 * Webhook endpoints, and their health: repeated failures disable an endpoint. An endpoint belongs to an audience —
 * the organisation and the role it was registered in — and is called only for notices addressed to that audience,
 * so a member acting in another role never receives them; it is also managed only from that audience.
 */
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
    return this.dataSource.transaction(async (em) => {
      // One registration at a time per audience, so two at once cannot both pass the checks below.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('webhook-endpoints:' || $1))`, [orgRoleKey({ orgId: p.orgId, role: p.role })]);
      const existing: Pick<WebhookEndpoint, 'id' | 'url' | 'categories'>[] = await em.query(
        `SELECT id, url, categories FROM webhook_endpoints WHERE org_id = $1 AND owner_role = $2`,
        [p.orgId, p.role],
      );
      checkRegistration(existing, input, this.config.WEBHOOK_MAX_ENDPOINTS);
      return this.insert(em, p, input);
    });
  }

  private async insert(em: EntityManager, p: Principal, input: RegisterWebhookInput) {
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
    await em.getRepository(WebhookEndpoint).insert({ ...endpoint, sealedSecret: this.box.seal(secret, id) });
    return { ...endpoint, secret };
  }

  async list(p: Principal, page: { page: number; pageSize: number }) {
    const [items, total] = await this.dataSource.getRepository(WebhookEndpoint).findAndCount({
      where: { orgId: p.orgId, ownerRole: p.role },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    });
    return { items, total, ...page };
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

  /** The active endpoints of these audiences: an endpoint is the audience's own, whatever else its organisation is. */
  async activeFor(em: EntityManager, audiences: OrgRole[]): Promise<ActiveEndpoints> {
    const byAudience: ActiveEndpoints = new Map();
    if (audiences.length === 0) return byAudience;
    const rows: { id: string; orgId: string; role: Role; categories: string[] }[] = await em.query(
      `SELECT id, org_id AS "orgId", owner_role AS role, categories FROM webhook_endpoints
       WHERE status = 'active' AND (org_id, owner_role) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [audiences.map((a) => a.orgId), audiences.map((a) => a.role)],
    );
    for (const { orgId, role, ...e } of rows) {
      const key = orgRoleKey({ orgId, role });
      byAudience.set(key, [...(byAudience.get(key) ?? []), e]);
    }
    return byAudience;
  }

  /** What sending needs, the secret opened; null once deleted. */
  async forSending(id: string): Promise<(Pick<WebhookEndpoint, 'id' | 'url' | 'status' | 'orgId' | 'ownerRole'> & { secret: string }) | null> {
    const rows: (Pick<WebhookEndpoint, 'id' | 'url' | 'status' | 'orgId' | 'ownerRole'> & { sealed: string })[] = await this.dataSource.query(
      `SELECT id, url, secret AS sealed, status, org_id AS "orgId", owner_role AS "ownerRole" FROM webhook_endpoints WHERE id = $1`,
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

  /** The caller's audience's endpoint; another audience's (same organisation, other role) is not found, like a stranger's. */
  private async own(p: Principal, id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.dataSource.getRepository(WebhookEndpoint).findOneBy({ id, orgId: p.orgId, ownerRole: p.role });
    if (!endpoint) throw DomainError.notFound('WEBHOOK_NOT_FOUND', '本机构本角色没有该 Webhook 端点', { id });
    return endpoint;
  }
}

function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
