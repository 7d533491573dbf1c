import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@jiebang/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { orgRoleKey, type OrgRole } from '../directory/directory.domain';
import { WebhookEndpoint } from './webhook-endpoint.entity';

/** An endpoint as sending needs it, its secret still sealed. */
export type SealedEndpoint = Pick<WebhookEndpoint, 'id' | 'url' | 'status' | 'orgId' | 'ownerRole'> & { sealed: string };

/** Webhook endpoints, each owned by an audience (organisation × role), and their health. */
@Injectable()
export class WebhookEndpointStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Until `em`'s transaction ends, no other registration of this audience gets past this point. */
  async lockAudience(em: EntityManager, a: OrgRole): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('webhook-endpoints:' || $1))`, [orgRoleKey(a)]);
  }

  findOfAudience(em: EntityManager, a: OrgRole): Promise<Pick<WebhookEndpoint, 'id' | 'url' | 'categories'>[]> {
    return em.query(`SELECT id, url, categories FROM webhook_endpoints WHERE org_id = $1 AND owner_role = $2`, [a.orgId, a.role]);
  }

  async insertEndpoint(em: EntityManager, endpoint: WebhookEndpoint): Promise<void> {
    await em.getRepository(WebhookEndpoint).insert(endpoint);
  }

  listEndpoints(a: OrgRole, page: { page: number; pageSize: number }): Promise<[WebhookEndpoint[], number]> {
    return this.dataSource.getRepository(WebhookEndpoint).findAndCount({
      where: { orgId: a.orgId, ownerRole: a.role },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    });
  }

  /** The endpoint if this audience owns it. */
  findOwned(a: OrgRole, id: string): Promise<WebhookEndpoint | null> {
    return this.dataSource.getRepository(WebhookEndpoint).findOneBy({ id, orgId: a.orgId, ownerRole: a.role });
  }

  findEndpoint(em: EntityManager, id: string): Promise<WebhookEndpoint | null> {
    return em.findOneBy(WebhookEndpoint, { id });
  }

  async deleteEndpoint(id: string): Promise<void> {
    await this.dataSource.getRepository(WebhookEndpoint).delete({ id });
  }

  /** Active again, its failure count starting from nothing. */
  async reactivate(id: string): Promise<void> {
    await this.dataSource.getRepository(WebhookEndpoint).update({ id }, { status: 'active', consecutiveFailures: 0, disabledAt: null });
  }

  async replaceSecret(id: string, sealedSecret: string): Promise<void> {
    await this.dataSource.getRepository(WebhookEndpoint).update({ id }, { sealedSecret });
  }

  findActive(em: EntityManager, audiences: OrgRole[]): Promise<{ id: string; orgId: string; role: Role; categories: string[] }[]> {
    return em.query(
      `SELECT id, org_id AS "orgId", owner_role AS role, categories FROM webhook_endpoints
       WHERE status = 'active' AND (org_id, owner_role) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [audiences.map((a) => a.orgId), audiences.map((a) => a.role)],
    );
  }

  async findForSending(id: string): Promise<SealedEndpoint | undefined> {
    const rows: SealedEndpoint[] = await this.dataSource.query(
      `SELECT id, url, secret AS sealed, status, org_id AS "orgId", owner_role AS "ownerRole" FROM webhook_endpoints WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /**
   * Resets the failure count. Writes only when there is something to change (or once a minute): every delivery to a
   * busy endpoint succeeding would otherwise queue up on the lock of this one row.
   */
  async recordSuccess(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_endpoints SET consecutive_failures = 0, last_error = NULL, last_success_at = now()
       WHERE id = $1 AND (consecutive_failures > 0 OR last_success_at IS NULL OR last_success_at < now() - interval '1 minute')`,
      [id],
    );
  }

  /** Counts a failed attempt, disabling the endpoint at `threshold` consecutive failures; `disabledNow`: this one did. */
  async recordFailure(em: EntityManager, id: string, error: string, threshold: number): Promise<(WebhookEndpoint & { disabledNow: boolean }) | undefined> {
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
    return rows[0];
  }
}
