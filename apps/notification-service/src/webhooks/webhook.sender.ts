import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import type { Delivery } from '../deliveries/delivery.entity';
import { sign, WEBHOOK_HEADERS } from './webhook.signature';

export class WebhookRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookRejected';
  }
}

/** The JSON a receiver gets; `id` is the delivery id, the same on every retry, for the receiver to de-duplicate on. */
export function webhookBody(d: Delivery, webBaseUrl: string): string {
  return JSON.stringify({
    id: d.id,
    type: d.eventType,
    eventId: d.sourceId,
    notice: d.noticeId,
    category: d.category,
    mandatory: d.mandatory,
    occurredAt: d.content.occurredAt,
    recipient: d.recipientOrgId,
    title: d.content.title,
    body: d.content.body,
    link: new URL(d.content.link, webBaseUrl).toString(),
  });
}

function reason(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError') return 'timeout';
  return err.cause?.code ?? err.cause?.message ?? err.message;
}

/** One signed POST. Any answer but 2xx, a timeout or a network error is a failure (retried by the queue). */
@Injectable()
export class WebhookSender {
  constructor(@Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig) {}

  async post(endpoint: { url: string; secret: string }, delivery: Delivery): Promise<void> {
    const body = webhookBody(delivery, this.config.WEB_BASE_URL);
    const timestamp = Math.floor(Date.now() / 1000);
    let res: Response;
    try {
      res = await fetch(endpoint.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS),
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'jiebang-webhooks/1',
          [WEBHOOK_HEADERS.delivery]: delivery.id,
          [WEBHOOK_HEADERS.event]: delivery.eventType,
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: sign(endpoint.secret, timestamp, body),
        },
        body,
      });
    } catch (e) {
      throw new WebhookRejected(reason(e));
    }
    await res.body?.cancel();
    if (res.status < 200 || res.status >= 300) throw new WebhookRejected(`HTTP ${res.status}`);
  }
}
