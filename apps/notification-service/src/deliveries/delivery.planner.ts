import { Injectable } from '@nestjs/common';
import type { Envelope, Role } from '@jiebang/contracts';
import type { EntityManager } from 'typeorm';
import { addressesOf, type Address } from '../catalogue/audience';
import type { NoticeMeta, NoticeSpec } from '../catalogue/notice';
import { SYSTEM_NOTICES, webhookDisabledVars } from '../catalogue/system.notices';
import { renderTemplate, type Rendered } from '../catalogue/template';
import { recipientsOf } from '../directory/directory.domain';
import { DirectoryService } from '../directory/directory.service';
import { PreferencesService } from '../preferences/preferences.service';
import type { WebhookEndpoint } from '../webhooks/webhook-endpoint.entity';
import { WebhookEndpoints } from '../webhooks/webhook-endpoints.service';
import { planDeliveries, withoutActor, type DeliveryPlan, type DeliverySource } from './delivery.domain';
import { DeliveryEnqueuer } from './delivery.enqueuer';
import { Delivery } from './delivery.entity';

/** One notice to plan: what, in which words, to whom, and whose act it records (not told of it). */
interface Planned {
  meta: NoticeMeta;
  rendered: Rendered;
  addresses: Address[];
  actor?: Envelope['actor'];
}

/**
 * Turns notices into delivery rows inside the caller's transaction (the event's inbox transaction), then has their
 * jobs added after commit. All notices of one event are planned together: one directory snapshot, one preference and
 * one endpoint lookup, one insert. Rows are keyed by delivery id, so planning an event again adds nothing.
 */
@Injectable()
export class DeliveryPlanner {
  constructor(
    private readonly directory: DirectoryService,
    private readonly preferences: PreferencesService,
    private readonly endpoints: WebhookEndpoints,
    private readonly enqueuer: DeliveryEnqueuer,
  ) {}

  /** The catalogue's notices of an event. A template missing a variable throws here, before anything is stored. */
  planEvent(em: EntityManager, specs: NoticeSpec[], event: Envelope): Promise<DeliveryPlan[]> {
    const notices = specs.map((spec) => ({
      meta: spec,
      rendered: renderTemplate(spec.template, spec.vars(event)),
      addresses: addressesOf(spec.audiences, event),
      actor: spec.notifyActor ? undefined : event.actor,
    }));
    return this.plan(em, { id: event.id, type: event.type, time: event.time }, notices);
  }

  /** Tells an endpoint's owner it was disabled; once per disabling (keyed by the time it happened). */
  endpointDisabled(em: EntityManager, e: WebhookEndpoint): Promise<DeliveryPlan[]> {
    const disabledAt = e.disabledAt ?? new Date();
    const meta = SYSTEM_NOTICES.webhookDisabled;
    const source = { id: `webhook-disabled:${e.id}:${disabledAt.toISOString()}`, type: 'system.webhook-disabled', time: disabledAt.toISOString() };
    const rendered = renderTemplate(meta.template, webhookDisabledVars({ ...e, disabledAt }));
    return this.plan(em, source, [{ meta, rendered, addresses: [{ kind: 'org', orgId: e.orgId, role: e.ownerRole }] }]);
  }

  /** One organisation's digest e-mail, already rendered by the digest job. */
  digest(em: EntityManager, org: { orgId: string; role: Role }, rendered: Rendered, source: DeliverySource): Promise<DeliveryPlan[]> {
    return this.plan(em, source, [{ meta: SYSTEM_NOTICES.dailyDigest, rendered, addresses: [{ kind: 'org', ...org }] }]);
  }

  private async plan(em: EntityManager, source: DeliverySource, notices: Planned[]): Promise<DeliveryPlan[]> {
    const directory = await this.directory.snapshot(em, notices.flatMap((n) => n.addresses));
    const found = notices.map((n) => {
      const recipients = recipientsOf(n.addresses, directory);
      return n.actor ? withoutActor(recipients, n.actor) : recipients;
    });
    const orgIds = [...new Set(found.flat().flatMap((r) => (r.orgId ? [r.orgId] : [])))];
    const wantsWebhooks = notices.some((n) => n.meta.channels.includes('webhook'));
    const [prefs, hooks] = await Promise.all([
      this.preferences.forOrgs(em, orgIds),
      wantsWebhooks ? this.endpoints.activeFor(em, orgIds) : new Map<string, { id: string; categories: string[] }[]>(),
    ]);
    const plans = notices.flatMap((n, i) =>
      planDeliveries(
        source,
        n.meta,
        n.rendered,
        found[i].map((r) => ({
          ...r,
          preferences: (r.orgId && prefs.get(r.orgId)) || new Map(),
          // Webhooks belong to organisations; a notice to one person stays with that person.
          endpoints: (!r.userId && r.orgId && hooks.get(r.orgId)) || [],
        })),
      ),
    );
    if (plans.length === 0) return plans;
    const fresh = (await this.insert(em, plans)).filter((r) => r.status === 'pending');
    await this.enqueuer.afterCommit(em, fresh);
    return plans;
  }

  /** One multi-row INSERT; rows already there (an event planned again) are left alone and not returned. */
  private insert(em: EntityManager, plans: DeliveryPlan[]): Promise<Pick<Delivery, 'id' | 'channel' | 'status'>[]> {
    const placeholders = plans.map((_, i) => `(${COLUMNS.map((_, j) => `$${i * COLUMNS.length + j + 1}`).join(', ')})`);
    return em.query(
      `INSERT INTO deliveries (${COLUMNS.join(', ')}) VALUES ${placeholders.join(', ')}
       ON CONFLICT (id) DO NOTHING RETURNING id, channel, status`,
      plans.flatMap(row),
    );
  }
}

const COLUMNS = [
  'id', 'source_id', 'event_type', 'notice_id', 'channel', 'category', 'mandatory', 'priority',
  'recipient_org_id', 'recipient_user_id', 'recipient_role', 'target', 'status', 'reason', 'content',
];

function row(p: DeliveryPlan): unknown[] {
  return [
    p.id, p.sourceId, p.eventType, p.noticeId, p.channel, p.category, p.mandatory, p.priority,
    p.recipientOrgId, p.recipientUserId, p.recipientRole, p.target, p.status, p.reason, JSON.stringify(p.content),
  ];
}
