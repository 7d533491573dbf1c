import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { composeEmail } from '../email/email.compose';
import { Mailer } from '../email/mailer';
import { InboxService } from '../inbox/inbox.service';
import { LiveFeed } from '../inbox/live-feed';
import { WebhookEndpoints } from '../webhooks/webhook-endpoints.service';
import { WebhookSender } from '../webhooks/webhook.sender';
import { DeliveryPlanner } from './delivery.planner';
import type { Delivery } from './delivery.entity';

/** How each channel makes one delivery. Throwing means "retry"; UnrecoverableError means "park now". */
@Injectable()
export class DeliveryChannels {
  constructor(
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inbox: InboxService,
    private readonly live: LiveFeed,
    private readonly mailer: Mailer,
    private readonly endpoints: WebhookEndpoints,
    private readonly sender: WebhookSender,
    private readonly planner: DeliveryPlanner,
  ) {}

  deliver(d: Delivery): Promise<void> {
    switch (d.channel) {
      case 'inbox':
        return this.toInbox(d);
      case 'email':
        return this.mailer.send({ ...composeEmail(d.content, this.config.WEB_BASE_URL), to: d.content.to ?? [], messageId: `<${d.id}@jiebang>` });
      case 'webhook':
        return this.toWebhook(d);
    }
  }

  private async toInbox(d: Delivery): Promise<void> {
    const stored = await this.inbox.store(d);
    if (stored) await this.live.publish(stored);
  }

  private async toWebhook(d: Delivery): Promise<void> {
    const endpoint = d.target ? await this.endpoints.forSending(d.target) : null;
    if (!endpoint) throw new UnrecoverableError('webhook endpoint was deleted');
    // Only the audience a notice is addressed to may receive it (rows planned before endpoints were kept per role).
    if (endpoint.orgId !== d.recipientOrgId || endpoint.ownerRole !== d.recipientRole || d.recipientUserId) {
      throw new UnrecoverableError('webhook endpoint belongs to another audience');
    }
    if (endpoint.status !== 'active') throw new UnrecoverableError('webhook endpoint is disabled');
    try {
      await this.sender.post(endpoint, d);
    } catch (e) {
      const error = (e as Error).message;
      const disabled = await this.dataSource.transaction(async (em) => {
        const now = await this.endpoints.recordFailure(em, endpoint.id, error, this.config.WEBHOOK_DISABLE_AFTER);
        if (now) await this.planner.endpointDisabled(em, now);
        return now;
      });
      if (disabled) throw new UnrecoverableError(`${error}; endpoint disabled after ${disabled.consecutiveFailures} consecutive failures`);
      throw e;
    }
    await this.endpoints.recordSuccess(endpoint.id);
  }
}
