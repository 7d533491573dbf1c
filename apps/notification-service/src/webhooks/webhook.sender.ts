import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { LookupFunction } from 'node:net';
import type { ChannelInput } from '../catalogue/channel-input';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { Agents, postOnce, PostTimeout } from './webhook.http';
import { sign, WEBHOOK_HEADERS } from './webhook.signature';
import { publicOnlyLookup, refuseTarget, TargetBlocked, webhookTargetPolicy, type TargetPolicy, type TargetRefusal } from './webhook-target';

export class WebhookRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookRejected';
  }
}

/** The JSON a receiver gets; `id` is the delivery id, the same on every retry, for the receiver to de-duplicate on. */
export function webhookBody(d: ChannelInput, webBaseUrl: string): string {
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

/** The error a try records: short and stable; a blocked target never says which internal address it found. */
function reason(e: unknown): string {
  if (e instanceof PostTimeout || e instanceof TargetBlocked) return e.message;
  const err = e as NodeJS.ErrnoException;
  return err.code ?? err.message;
}

const BLOCKED: Record<TargetRefusal, string> = {
  'https-required': 'blocked: https required',
  'private-address': 'blocked: private address',
};

/**
 * One signed POST. Any answer but 2xx, a timeout or a network error is a failure (retried by the queue). The
 * target is checked again on every try (SSRF): a row may predate the rules, and a name may now resolve elsewhere.
 */
@Injectable()
export class WebhookSender implements OnApplicationShutdown {
  private readonly agents = new Agents();
  private readonly policy: TargetPolicy;
  private readonly lookup?: LookupFunction;

  constructor(@Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig) {
    this.policy = webhookTargetPolicy(config);
    this.lookup = this.policy.allowPrivate ? undefined : publicOnlyLookup();
  }

  async post(endpoint: { url: string; secret: string }, delivery: ChannelInput): Promise<void> {
    const url = new URL(endpoint.url);
    const refusal = refuseTarget(url, this.policy);
    if (refusal) throw new WebhookRejected(BLOCKED[refusal]);
    const body = webhookBody(delivery, this.config.WEB_BASE_URL);
    const timestamp = Math.floor(Date.now() / 1000);
    let status: number;
    try {
      status = await postOnce(url, this.agents, {
        timeoutMs: this.config.WEBHOOK_TIMEOUT_MS,
        lookup: this.lookup,
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
    if (status < 200 || status >= 300) throw new WebhookRejected(`HTTP ${status}`);
  }

  /** After the workers have let their in-flight tries finish (beforeApplicationShutdown). */
  onApplicationShutdown(): void {
    this.agents.destroy();
  }
}
