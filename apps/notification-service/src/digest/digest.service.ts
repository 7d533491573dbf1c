import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@jiebang/contracts';
import { DataSource } from 'typeorm';
import { SYSTEM_NOTICES } from '../catalogue/system.notices';
import { renderTemplate } from '../catalogue/template';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { DeliveryPlanner } from '../deliveries/delivery.planner';
import { DeliveryStore } from '../deliveries/delivery.store';
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
    private readonly deliveries: DeliveryStore,
  ) {}

  async run(cutoff: Date): Promise<{ organisations: number; notices: number }> {
    const recipients = await this.deliveries.findDigestAudiences(cutoff);
    let notices = 0;
    for (const r of recipients) notices += await this.digestOne(r, cutoff);
    return { organisations: recipients.length, notices };
  }

  private digestOne(r: { orgId: string; role: Role }, cutoff: Date): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const rows = await this.deliveries.lockDigestItems(em, r, cutoff);
      if (rows.length === 0) return 0;
      const vars = digestVars(rows.map((row) => row.content), cutoff, this.config.WEB_BASE_URL);
      const rendered = renderTemplate(SYSTEM_NOTICES.dailyDigest.template, vars);
      const source = { id: `digest:${r.orgId}:${r.role}:${cutoff.toISOString()}`, type: 'system.daily-digest', time: cutoff.toISOString() };
      const [digest] = await this.planner.digest(em, r, rendered, source);
      await this.deliveries.markDigested(em, rows.map((row) => row.id), digest?.id ?? null);
      return rows.length;
    });
  }
}
