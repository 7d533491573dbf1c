import type { Principal } from '@jiebang/contracts';
import type { SelectQueryBuilder } from 'typeorm';
import { KnownChallenge } from '../challenges/known-challenge.entity';
import type { Application } from './application.entity';

/**
 * Who reads which applications, in SQL: the applicant its own; the bureau and admins all; the 榜单's enterprise the
 * applications submitted to it (a draft is the applicant's alone). Anyone else none, so another party's is a 404.
 */
export function scopeApplications(qb: SelectQueryBuilder<Application>, p: Principal): SelectQueryBuilder<Application> {
  const alias = qb.alias;
  switch (p.role) {
    case 'bureau':
    case 'admin':
      return qb;
    case 'solver':
    case 'team':
      return qb.andWhere(`${alias}.applicant_org_id = :scopeOrg AND ${alias}.applicant_role = :scopeRole`, { scopeOrg: p.orgId, scopeRole: p.role });
    case 'enterprise':
      return qb
        .innerJoin(KnownChallenge, 'scope_k', `scope_k.id = ${alias}.challenge_id`)
        .andWhere(`scope_k.enterprise_org_id = :scopeOrg AND ${alias}.status <> 'DRAFT'`, { scopeOrg: p.orgId });
    default:
      return qb.andWhere('false');
  }
}
