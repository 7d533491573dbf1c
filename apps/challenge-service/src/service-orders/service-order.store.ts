import { DomainError, type Principal } from '@jiebang/contracts';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { TimelineEntry } from './service-order.domain';
import { ServiceOrder } from './service-order.entity';
import { ServiceOrderTimeline } from './service-order-timeline.entity';

export const orderNotFound = (id: string) => DomainError.notFound('SERVICE_ORDER_NOT_FOUND', '服务订单不存在或无权查看', { id });

/**
 * Which orders a caller may see, as a WHERE clause (scope in the query, not only in a guard): an enterprise its own,
 * a district office its district's once submitted, a team the orders it serves, the bureau (and admins) all submitted
 * ones. Anyone else matches nothing, so another party's order answers 404.
 */
export function scoped(qb: SelectQueryBuilder<ServiceOrder>, p: Principal): SelectQueryBuilder<ServiceOrder> {
  switch (p.role) {
    case 'enterprise':
      return qb.andWhere('o.enterprise_org_id = :own', { own: p.orgId });
    case 'district':
      return qb.andWhere(`o.district_code = :district AND o.status <> 'DRAFT'`, { district: p.districtCode });
    case 'team':
      return qb.andWhere('o.team_org_id = :team', { team: p.orgId });
    case 'bureau':
    case 'admin':
      return qb.andWhere(`o.status <> 'DRAFT'`);
    default:
      return qb.andWhere('FALSE');
  }
}

const byId = (em: EntityManager, id: string) => em.createQueryBuilder(ServiceOrder, 'o').where('o.id = :id', { id });

export function findVisible(em: EntityManager, id: string, p: Principal): Promise<ServiceOrder | null> {
  return scoped(byId(em, id), p).getOne();
}

/**
 * Row lock first, so commands, timers and dispatch facts on one order serialise and its events keep their order.
 * With a principal, its scope is checked on the row as it is once the lock is granted.
 */
export async function lockForUpdate(em: EntityManager, id: string, principal?: Principal): Promise<ServiceOrder | null> {
  const qb = byId(em, id).setLock('pessimistic_write');
  return (principal ? scoped(qb, principal) : qb).getOne();
}

export async function lockOwn(em: EntityManager, id: string, principal: Principal): Promise<ServiceOrder> {
  const found = await lockForUpdate(em, id, principal);
  if (!found) throw orderNotFound(id);
  return found;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === 'object' && a !== null) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/** One UPDATE of the columns that changed, on a row this transaction has locked. */
export async function update(em: EntityManager, current: ServiceOrder, next: ServiceOrder): Promise<ServiceOrder> {
  const changed = Object.fromEntries(
    Object.entries(next).filter(([column, value]) => !sameValue(current[column as keyof ServiceOrder], value)),
  );
  if (Object.keys(changed).length > 0) await em.update(ServiceOrder, { id: current.id }, changed);
  return next;
}

export async function appendTimeline(em: EntityManager, orderId: string, e: TimelineEntry, eventId: string | null): Promise<void> {
  await em.insert(ServiceOrderTimeline, {
    orderId,
    kind: e.kind,
    action: e.action,
    fromStatus: e.from,
    toStatus: e.to,
    actorId: e.actor.id,
    actorRole: e.actor.role,
    actorOrgId: e.actor.orgId ?? null,
    reason: e.reason,
    changes: e.changes,
    eventId,
    at: e.at,
  });
}

export function timeline(em: EntityManager, orderId: string): Promise<ServiceOrderTimeline[]> {
  return em.find(ServiceOrderTimeline, { where: { orderId }, order: { id: 'ASC' } });
}

export interface ListQuery {
  status?: string;
  page: number;
  pageSize: number;
}

export async function listVisible(em: EntityManager, p: Principal, q: ListQuery): Promise<{ items: ServiceOrder[]; total: number }> {
  const qb = scoped(em.createQueryBuilder(ServiceOrder, 'o'), p);
  if (q.status) qb.andWhere('o.status = :status', { status: q.status });
  const [items, total] = await qb
    .orderBy('o.created_at', 'DESC')
    .addOrderBy('o.id', 'ASC')
    .skip((q.page - 1) * q.pageSize)
    .take(q.pageSize)
    .getManyAndCount();
  return { items, total };
}
