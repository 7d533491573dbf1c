import type { Principal } from '@jiebang/contracts';
import type { Notification } from './notification.entity';

/**
 * Who sees a notice: the person it names, or — for a notice to an organisation — members of that organisation
 * acting in the role it was addressed to. The SQL below and this predicate (used by the live stream) say the same.
 */
export function visibleTo(p: Principal, n: Pick<Notification, 'recipientUserId' | 'recipientOrgId' | 'recipientRole'>): boolean {
  if (n.recipientUserId) return n.recipientUserId === p.sub;
  return n.recipientOrgId === p.orgId && n.recipientRole === p.role;
}

export function visibleSql(alias?: string): string {
  const c = (column: string) => (alias ? `${alias}.${column}` : column);
  return `(${c('recipient_user_id')} = :sub OR (${c('recipient_user_id')} IS NULL AND ${c('recipient_org_id')} = :org AND ${c('recipient_role')} = :role))`;
}

export function scopeParams(p: Principal) {
  return { sub: p.sub, org: p.orgId, role: p.role };
}
