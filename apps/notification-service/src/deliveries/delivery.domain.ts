import { createHash } from 'node:crypto';
import { DomainError, type Role } from '@jiebang/contracts';
import type { DeliveryContent } from '../catalogue/channel-input';
import type { Channel, NoticeMeta } from '../catalogue/notice';
import type { Rendered } from '../catalogue/template';
import { recipientKey } from '../directory/directory.domain';
import { decide, type PreferenceSet } from '../preferences/preference.domain';

/**
 * pending → sent, or → failed (parked, with its error) once retries are spent; an operator's replay puts a parked
 * one back to pending. suppressed (preference), skipped (no contact) and digested (folded into a digest) are final;
 * digest waits for the daily digest job.
 */
export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'suppressed' | 'skipped' | 'digest' | 'digested';

/** A resolved recipient with what the planner needs to know about it. */
export interface Recipient {
  orgId: string | null;
  userId: string | null;
  role: Role;
  emails: string[];
  /** Active webhook endpoints of the audience (this organisation in this role). */
  endpoints: { id: string; categories: string[] }[];
  /** The audience's preferences (none for a person). */
  preferences: PreferenceSet;
}

export interface DeliverySource {
  /** The event id, or a key of the service's own (digest, system notice). */
  id: string;
  type: string;
  time: string;
}

export interface DeliveryPlan {
  id: string;
  sourceId: string;
  eventType: string;
  noticeId: string;
  channel: Channel;
  category: string;
  mandatory: boolean;
  priority: string;
  recipientOrgId: string | null;
  recipientUserId: string | null;
  recipientRole: Role;
  /** The webhook endpoint id; null for the other channels. */
  target: string | null;
  status: Extract<DeliveryStatus, 'pending' | 'suppressed' | 'skipped' | 'digest'>;
  reason: string | null;
  content: DeliveryContent;
}

/**
 * The delivery id, which is also the BullMQ job id: derived from (source event, notice, recipient, channel,
 * endpoint), so a redelivered event or a re-armed job can only ever name the same delivery.
 */
export function deliveryId(sourceId: string, noticeId: string, recipient: string, channel: Channel, target: string | null): string {
  const h = createHash('sha256').update([sourceId, noticeId, recipient, channel, target ?? ''].join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Row = Pick<DeliveryPlan, 'target' | 'status' | 'reason' | 'content'>;

function rowsFor(channel: Channel, notice: NoticeMeta, r: Recipient, content: DeliveryContent): Row[] {
  const decision = decide(notice, channel, r.preferences);
  const status = decision === 'suppress' ? 'suppressed' : decision === 'digest' ? 'digest' : 'pending';
  const reason = decision === 'suppress' ? 'preference' : null;
  if (channel === 'webhook') {
    // Organisations opt in by registering endpoints for a category; no endpoint, no row.
    return r.endpoints
      .filter((e) => e.categories.includes(notice.category))
      .map((e) => ({ target: e.id, status, reason, content }));
  }
  if (channel === 'email') {
    if (r.emails.length === 0) return [{ target: null, status: 'skipped', reason: 'no-contact', content }];
    return [{ target: null, status, reason, content: { ...content, to: r.emails } }];
  }
  return [{ target: null, status, reason, content }];
}

/** Every delivery of one notice: recipients × the notice's channels, with preferences applied. */
export function planDeliveries(source: DeliverySource, notice: NoticeMeta, rendered: Rendered, recipients: Recipient[]): DeliveryPlan[] {
  const content: DeliveryContent = { ...rendered, occurredAt: source.time };
  return recipients.flatMap((r) =>
    notice.channels.flatMap((channel) =>
      rowsFor(channel, notice, r, content).map((row) => ({
        ...row,
        id: deliveryId(source.id, notice.id, recipientKey(r), channel, row.target),
        sourceId: source.id,
        eventType: source.type,
        noticeId: notice.id,
        channel,
        category: notice.category,
        mandatory: notice.mandatory,
        priority: notice.priority,
        recipientOrgId: r.orgId,
        recipientUserId: r.userId,
        recipientRole: r.role,
      })),
    ),
  );
}

/**
 * The person or audience whose act an event records already knows of it: the actor's organisation, in the role it
 * acted in. Its members in another role did not act, so they are still told.
 */
export function withoutActor<R extends Pick<Recipient, 'orgId' | 'userId' | 'role'>>(
  recipients: R[],
  actor: { id: string; orgId?: string; role?: string },
): R[] {
  const acted = (r: R) => (r.userId ? r.userId === actor.id : r.orgId === actor.orgId && (!actor.role || r.role === actor.role));
  return recipients.filter((r) => !acted(r));
}

/** An operator may replay only a parked delivery. */
export function checkReplayable(status: DeliveryStatus): void {
  if (status !== 'failed') {
    throw DomainError.invalidState('DELIVERY_NOT_PARKED', '只有已搁置（最终失败）的投递可以重放', status);
  }
}
