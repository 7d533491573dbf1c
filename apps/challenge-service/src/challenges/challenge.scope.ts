import type { Principal } from '@jiebang/contracts';
import type { SelectQueryBuilder } from 'typeorm';
import type { Challenge } from './challenge.entity';

/** States anyone signed in may see: the 榜单 is public from publication on. */
export const PUBLIC_STATES: readonly string[] = ['PUBLISHED', 'CLOSED', 'UNDER_REVIEW', 'IN_PUBLIC_NOTICE', 'AWARDED', 'FAILED'];

/**
 * Which challenges a caller may read, as a WHERE clause (OWASP API1: scope in the query, not only in a guard).
 * Enterprises see their own; district offices their district's once submitted; the bureau everything submitted;
 * everyone else only what is published.
 */
export function scopeChallenges(qb: SelectQueryBuilder<Challenge>, p: Principal): SelectQueryBuilder<Challenge> {
  switch (p.role) {
    case 'enterprise':
      return qb.andWhere('c.enterprise_org_id = :orgId', { orgId: p.orgId });
    case 'district':
      return qb.andWhere(`c.district_code = :district AND c.status <> 'DRAFT'`, { district: p.districtCode });
    case 'bureau':
    case 'admin':
      return qb.andWhere(`c.status <> 'DRAFT'`);
    default:
      return qb.andWhere('c.status IN (:...states)', { states: PUBLIC_STATES });
  }
}
