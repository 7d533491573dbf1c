import { Injectable } from '@nestjs/common';
import type { Envelope, Role } from '@jiebang/contracts';
import type { EntityManager } from 'typeorm';
import { addressesOf, type Address } from '../catalogue/audience';
import type { NoticeMeta, NoticeSpec } from '../catalogue/notice';
import { SYSTEM_NOTICES, webhookDisabledVars } from '../catalogue/system.notices';
import { renderTemplate, type Rendered } from '../catalogue/template';
import { DirectoryService } from '../directory/directory.service';
import { PreferencesService } from '../preferences/preferences.service';
import type { WebhookEndpoint } from '../webhooks/webhook-endpoint.entity';
import { WebhookEndpoints } from '../webhooks/webhook-endpoints.service';
import { planDeliveries, withoutActor, type DeliveryPlan, type DeliverySource, type Recipient } from './delivery.domain';
import { DeliveryEnqueuer } from './delivery.enqueuer';
import { Delivery } from './delivery.entity';

/**
 * Turns a notice into delivery rows inside the caller's transaction (the event's inbox transaction), then has
 * their jobs added after commit. Rows are keyed by delivery id, so planning the same notice twice adds nothing.
 */
@Injectable()
export class DeliveryPlanner {
  constructor(
    private readonly directory: DirectoryService,
    private readonly preferences: PreferencesService,
    private readonly endpoints: WebhookEndpoints,
    private readonly enqueuer: DeliveryEnqueuer,
  ) {}

  /** A catalogue notice of an event. A template missing a variable throws here, before anything is stored. */
  planEvent(em: EntityManager, spec: NoticeSpec, event: Envelope): Promise<DeliveryPlan[]> {
    const rendered = renderTemplate(spec.template, spec.vars(event));
    const source = { id: event.id, type: event.type, time: event.time };
    return this.plan(em, spec, rendered, source, addressesOf(spec.audiences, event), spec.notifyActor ? undefined : event.actor);
  }

  /** Tells an endpoint's owner it was disabled; once per disabling (keyed by the time it happened). */
  endpointDisabled(em: EntityManager, e: WebhookEndpoint): Promise<DeliveryPlan[]> {
    const meta = SYSTEM_NOTICES.webhookDisabled;
    const disabledAt = e.disabledAt ?? new Date();
    const rendered = renderTemplate(meta.template, webhookDisabledVars({ ...e, disabledAt }));
    const source = { id: `webhook-disabled:${e.id}:${disabledAt.toISOString()}`, type: 'system.webhook-disabled', time: disabledAt.toISOString() };
    return this.plan(em, meta, rendered, source, [{ kind: 'org', orgId: e.orgId, role: e.ownerRole }]);
  }

  /** One organisation's digest e-mail, already rendered by the digest job. */
  digest(em: EntityManager, org: { orgId: string; role: Role }, rendered: Rendered, source: DeliverySource): Promise<DeliveryPlan[]> {
    return this.plan(em, SYSTEM_NOTICES.dailyDigest, rendered, source, [{ kind: 'org', ...org }]);
  }

  private async plan(em: EntityManager, meta: NoticeMeta, rendered: Rendered, source: DeliverySource, addresses: Address[], actor?: Envelope['actor']) {
    const resolved = await this.directory.resolve(em, addresses);
    const found = actor ? withoutActor(resolved, actor) : resolved;
    const orgIds = found.flatMap((r) => (r.orgId ? [r.orgId] : []));
    const prefs = await this.preferences.forOrgs(em, orgIds);
    const hooks = meta.channels.includes('webhook') ? await this.endpoints.activeFor(em, orgIds) : new Map<string, WebhookEndpoint[]>();
    const recipients: Recipient[] = found.map((r) => ({
      ...r,
      preferences: (r.orgId && prefs.get(r.orgId)) || new Map(),
      // Webhooks belong to organisations; a notice to one person stays with that person.
      endpoints: (!r.userId && r.orgId && hooks.get(r.orgId)) || [],
    }));
    const plans = planDeliveries(source, meta, rendered, recipients);
    if (plans.length === 0) return plans;
    const now = new Date();
    const inserted = await em
      .createQueryBuilder()
      .insert()
      .into(Delivery)
      .values(plans.map((p) => ({ ...p, attempts: 0, replays: 0, lastError: null, digestId: null, createdAt: now, updatedAt: now, sentAt: null })))
      .orIgnore()
      .returning(['id', 'channel', 'status'])
      .execute();
    const fresh = (inserted.raw as Pick<Delivery, 'id' | 'channel' | 'status'>[]).filter((r) => r.status === 'pending');
    await this.enqueuer.afterCommit(em, fresh);
    return plans;
  }
}
