import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@jiebang/contracts';
import { DataSource } from 'typeorm';
import { SYSTEM_NOTICES } from '../catalogue/system.notices';
import { renderTemplate } from '../catalogue/template';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import type { DeliveryContent } from '../deliveries/delivery.domain';
import { DeliveryPlanner } from '../deliveries/delivery.planner';
import { digestVars } from './digest.compose';

/**
 * The daily digest: low-priority e-mails that organisations chose to receive in a digest wait as `digest` rows; this
 * folds each organisation's rows up to `cutoff` into one e-mail delivery. A retried run with the same cutoff names
 * the same digest delivery, so it cannot send two.
 */
@Injectable()
export class DigestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    private readonly planner: DeliveryPlanner,
  ) {}

  async run(cutoff: Date): Promise<{ organisations: number; notices: number }> {
    const recipients: { orgId: string; role: Role }[] = await this.dataSource.query(
      `SELECT DISTINCT recipient_org_id AS "orgId", recipient_role AS role FROM deliveries
       WHERE status = 'digest' AND recipient_org_id IS NOT NULL AND created_at <= $1`,
      [cutoff],
    );
    let notices = 0;
    for (const r of recipients) notices += await this.digestOne(r, cutoff);
    return { organisations: recipients.length, notices };
  }

  private digestOne(r: { orgId: string; role: Role }, cutoff: Date): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const rows: { id: string; content: DeliveryContent }[] = await em.query(
        `SELECT id, content FROM deliveries WHERE status = 'digest' AND recipient_org_id = $1 AND recipient_role = $2
         AND created_at <= $3 ORDER BY created_at FOR UPDATE SKIP LOCKED`,
        [r.orgId, r.role, cutoff],
      );
      if (rows.length === 0) return 0;
      const vars = digestVars(rows.map((row) => row.content), cutoff, this.config.WEB_BASE_URL);
      const rendered = renderTemplate(SYSTEM_NOTICES.dailyDigest.template, vars);
      const source = { id: `digest:${r.orgId}:${r.role}:${cutoff.toISOString()}`, type: 'system.daily-digest', time: cutoff.toISOString() };
      const [digest] = await this.planner.digest(em, r, rendered, source);
      await em.query(`UPDATE deliveries SET status = 'digested', digest_id = $1, updated_at = now() WHERE id = ANY($2)`, [
        digest?.id ?? null,
        rows.map((row) => row.id),
      ]);
      return rows.length;
    });
  }
}
