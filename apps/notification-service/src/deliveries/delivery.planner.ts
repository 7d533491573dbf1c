import { Injectable } from '@nestjs/common';
import type { Envelope, Role } from '@jiebang/contracts';
import type { EntityManager } from 'typeorm';
import { addressesOf, type Address } from '../catalogue/audience';
import type { NoticeMeta, NoticeSpec } from '../catalogue/notice';
import { SYSTEM_NOTICES, webhookDisabledVars } from '../catalogue/system.notices';
import { renderTemplate, type Rendered } from '../catalogue/template';
import { orgRoleKey, recipientsOf, type OrgRole } from '../directory/directory.domain';
import { DirectoryService } from '../directory/directory.service';
import { PreferencesService } from '../preferences/preferences.service';
import type { WebhookEndpoint } from '../webhooks/webhook-endpoint.entity';
import { WebhookEndpoints, type ActiveEndpoints } from '../webhooks/webhook-endpoints.service';
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

  /**
   * The catalogue's notices of an event, those that are news (`isNews`). A template missing a variable throws here,
   * before anything is stored.
   */
  planEvent(em: EntityManager, specs: NoticeSpec[], event: Envelope): Promise<DeliveryPlan[]> {
    const notices = specs.filter((spec) => spec.isNews?.(event) ?? true).map((spec) => ({
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
    // Preferences and endpoints belong to audiences (organisation × role). A notice to one person follows neither:
    // it stays with that person, whatever the audience they belong to chose for its own notices.
    const audiences = new Map<string, OrgRole>();
    for (const r of found.flat()) if (!r.userId && r.orgId) audiences.set(orgRoleKey({ orgId: r.orgId, role: r.role }), { orgId: r.orgId, role: r.role });
    const wantsWebhooks = notices.some((n) => n.meta.channels.includes('webhook'));
    const [prefs, hooks] = await Promise.all([
      this.preferences.forAudiences(em, [...audiences.values()]),
      wantsWebhooks ? this.endpoints.activeFor(em, [...audiences.values()]) : (new Map() as ActiveEndpoints),
    ]);
    const plans = notices.flatMap((n, i) =>
      planDeliveries(
        source,
        n.meta,
        n.rendered,
        found[i].map((r) => {
          const key = !r.userId && r.orgId ? orgRoleKey({ orgId: r.orgId, role: r.role }) : '';
          return { ...r, preferences: prefs.get(key) ?? new Map(), endpoints: hooks.get(key) ?? [] };
        }),
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
