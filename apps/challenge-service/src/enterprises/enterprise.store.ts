import { DomainError, type Principal } from '@jiebang/contracts';
import { QueryFailedError, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { sameValue, type Transition } from './enterprise.domain';
import type { ListEnterprisesQuery } from './enterprise.dto';
import { Enterprise } from './enterprise.entity';
import { EnterpriseTransition } from './enterprise-transition.entity';

/** Reading a profile, or deciding on its verification. */
export type Purpose = 'read' | 'decide';

/**
 * Whose profiles a caller may read or decide on, as a WHERE clause (scope in the query, not only in a guard): the
 * district office those of its district, the bureau all (admins may read all too); an enterprise reads its own.
 * Anyone else matches nothing, so another party's profile answers 404.
 */
function scoped(qb: SelectQueryBuilder<Enterprise>, p: Principal, purpose: Purpose): SelectQueryBuilder<Enterprise> {
  switch (p.role) {
    case 'district':
      return qb.andWhere('e.district_code = :district', { district: p.districtCode });
    case 'bureau':
      return qb;
    case 'admin':
      return purpose === 'read' ? qb : qb.andWhere('FALSE');
    case 'enterprise':
      return purpose === 'read' ? qb.andWhere('e.org_id = :own', { own: p.orgId }) : qb.andWhere('FALSE');
    default:
      return qb.andWhere('FALSE');
  }
}

const byId = (em: EntityManager, orgId: string) => em.createQueryBuilder(Enterprise, 'e').where('e.org_id = :orgId', { orgId });

export function findVisible(em: EntityManager, orgId: string, p: Principal): Promise<Enterprise | null> {
  return scoped(byId(em, orgId), p, 'read').getOne();
}

/**
 * Row lock first, so concurrent commands on one profile serialise and its events keep their order. Under a
 * decider's scope the WHERE is checked again on the row as it is once the lock is granted: a profile that moved to
 * another district meanwhile is not found.
 */
export function lockForUpdate(em: EntityManager, orgId: string, scope?: { principal: Principal; purpose: Purpose }): Promise<Enterprise | null> {
  const qb = byId(em, orgId).setLock('pessimistic_write');
  return (scope ? scoped(qb, scope.principal, scope.purpose) : qb).getOne();
}

/** For a command that relies on the profile as it is (a submission): a shared lock holds off edits until it commits. */
export function lockShared(em: EntityManager, orgId: string): Promise<Enterprise | null> {
  return byId(em, orgId).setLock('pessimistic_read').getOne();
}

export async function listVisible(em: EntityManager, p: Principal, q: ListEnterprisesQuery): Promise<{ items: Enterprise[]; total: number }> {
  const qb = scoped(em.createQueryBuilder(Enterprise, 'e'), p, 'read');
  if (q.status) qb.andWhere('e.status = :status', { status: q.status });
  // A work queue: the profile waiting longest comes first.
  const [items, total] = await qb
    .orderBy('e.updated_at', 'ASC')
    .addOrderBy('e.org_id', 'ASC')
    .skip((q.page - 1) * q.pageSize)
    .take(q.pageSize)
    .getManyAndCount();
  return { items, total };
}

const creditCodeTaken = () =>
  new DomainError('conflict', 'ENTERPRISE_CREDIT_CODE_TAKEN', '该统一社会信用代码已由其他企业登记；如有疑问请联系所在区县科技局', { field: 'creditCode' });

/** A credit code names one legal entity: the unique index turns a second organisation's claim into a 409. */
async function refusingTakenCreditCode<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const driver = e instanceof QueryFailedError ? (e.driverError as { code?: string; constraint?: string }) : undefined;
    if (driver?.code === '23505' && driver.constraint === 'enterprises_credit_code_key') throw creditCodeTaken();
    throw e;
  }
}

/**
 * The first profile of an organisation; false when a concurrent first PUT inserted it first (its row now exists and
 * can be locked). Only a conflict on the organisation is ignored: one on the credit code is a refusal.
 */
export async function insertIfAbsent(em: EntityManager, e: Enterprise): Promise<boolean> {
  const rows: unknown[] = await refusingTakenCreditCode(() =>
    em.query(
      `INSERT INTO enterprises (org_id, status, version, name, credit_code, district_code, type, qualifications, contacts,
         related_org_ids, verified_at, rejection_reason, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
       ON CONFLICT (org_id) DO NOTHING
       RETURNING org_id`,
      [
        e.orgId,
        e.status,
        e.version,
        e.name,
        e.creditCode,
        e.districtCode,
        e.type,
        JSON.stringify(e.qualifications),
        JSON.stringify(e.contacts),
        JSON.stringify(e.relatedOrgIds),
        e.verifiedAt,
        e.rejectionReason,
        e.createdAt,
      ],
    ),
  );
  return rows.length > 0;
}

/** One UPDATE of the columns that changed, on a row this transaction has locked. */
export async function update(em: EntityManager, current: Enterprise, next: Enterprise): Promise<Enterprise> {
  const changed = Object.fromEntries(
    Object.entries(next).filter(([column, value]) => !sameValue(current[column as keyof Enterprise], value)),
  );
  if (Object.keys(changed).length > 0) await refusingTakenCreditCode(() => em.update(Enterprise, { orgId: current.orgId }, changed));
  return next;
}

export async function audit(em: EntityManager, orgId: string, t: Transition, eventId: string): Promise<void> {
  await em.insert(EnterpriseTransition, {
    enterpriseOrgId: orgId,
    action: t.action,
    fromStatus: t.from,
    toStatus: t.to,
    actorId: t.actor.id,
    actorRole: t.actor.role,
    actorOrgId: t.actor.orgId ?? null,
    reason: t.reason,
    changes: t.changes,
    eventId,
    at: t.at,
  });
}

export function history(em: EntityManager, orgId: string): Promise<EnterpriseTransition[]> {
  return em.find(EnterpriseTransition, { where: { enterpriseOrgId: orgId }, order: { id: 'ASC' } });
}
