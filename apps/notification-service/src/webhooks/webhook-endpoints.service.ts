import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type Principal } from '@jiebang/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
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

  async activeFor(em: EntityManager, orgIds: string[]): Promise<Map<string, WebhookEndpoint[]>> {
    const byOrg = new Map<string, WebhookEndpoint[]>();
    for (const e of await em.findBy(WebhookEndpoint, { orgId: In(orgIds), status: 'active' })) {
      byOrg.set(e.orgId, [...(byOrg.get(e.orgId) ?? []), e]);
    }
    return byOrg;
  }

  /** With its secret, for signing; null once deleted. */
  withSecret(id: string): Promise<WebhookEndpoint | null> {
    return this.dataSource
      .getRepository(WebhookEndpoint)
      .createQueryBuilder('e')
      .addSelect('e.secret')
      .where('e.id = :id', { id })
      .getOne();
  }

  async recordSuccess(id: string): Promise<void> {
    await this.dataSource
      .getRepository(WebhookEndpoint)
      .update({ id }, { consecutiveFailures: 0, lastError: null, lastSuccessAt: new Date() });
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
