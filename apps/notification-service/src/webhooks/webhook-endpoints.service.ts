import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type Principal } from '@jiebang/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { RegisterWebhookInput } from './webhook.dto';
import { WebhookEndpoint } from './webhook-endpoint.entity';

/** Organisations' webhook endpoints, and their health: repeated failures disable an endpoint. */
@Injectable()
export class WebhookEndpoints {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The secret is returned here (and on rotation) only. */
  async register(p: Principal, input: RegisterWebhookInput): Promise<WebhookEndpoint & { secret: string }> {
    const endpoint: WebhookEndpoint = {
      id: randomUUID(),
      orgId: p.orgId,
      ownerRole: p.role,
      url: input.url,
      categories: [...new Set(input.categories)],
      secret: newSecret(),
      description: input.description,
      status: 'active',
      consecutiveFailures: 0,
      lastError: null,
      lastSuccessAt: null,
      disabledAt: null,
      createdBy: p.sub,
      createdAt: new Date(),
    };
    await this.dataSource.getRepository(WebhookEndpoint).insert(endpoint);
    return endpoint;
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
    await this.dataSource.getRepository(WebhookEndpoint).update({ id }, { secret });
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

  /** What sending needs, secret included; null once deleted. */
  async forSending(id: string): Promise<Pick<WebhookEndpoint, 'id' | 'url' | 'secret' | 'status'> | null> {
    const rows: Pick<WebhookEndpoint, 'id' | 'url' | 'secret' | 'status'>[] = await this.dataSource.query(
      `SELECT id, url, secret, status FROM webhook_endpoints WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
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
