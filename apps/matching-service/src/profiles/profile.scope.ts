import type { Principal } from '@jiebang/contracts';
import type { SelectQueryBuilder } from 'typeorm';
import type { CandidateProfile } from './candidate-profile.entity';
import type { ProfileState } from './profile.domain';

/**
 * Which profiles a caller may read, as a WHERE clause. Authorities see every profile. District offices see teams
 * and solvers of every district (a district recommends teams from other districts too) but no experts: review
 * assignment belongs to the bureau, and an expert profile names the person behind it. Enterprises see active teams
 * and solvers; a candidate sees its own: its organisation's for teams and solvers, the one it owns for experts.
 * `canReadProfile` is the same rule for one loaded profile.
 */
export function scopeProfiles(qb: SelectQueryBuilder<CandidateProfile>, p: Principal): SelectQueryBuilder<CandidateProfile> {
  switch (p.role) {
    case 'admin':
    case 'bureau':
      return qb;
    case 'district':
      return qb.andWhere(`p.kind IN ('team', 'solver')`);
    case 'enterprise':
      return qb.andWhere(`p.kind IN ('team', 'solver') AND p.withdrawn_at IS NULL`);
    case 'expert':
      return qb.andWhere(`p.kind = 'expert' AND p.owner_id = :sub`, { sub: p.sub });
    default:
      return qb.andWhere('p.kind = :kind AND p.org_id = :orgId', { kind: p.role, orgId: p.orgId });
  }
}

export function canReadProfile(p: Principal, s: Pick<ProfileState, 'kind' | 'orgId' | 'ownerId' | 'withdrawnAt'>): boolean {
  switch (p.role) {
    case 'admin':
    case 'bureau':
      return true;
    case 'district':
      return s.kind !== 'expert';
    case 'enterprise':
      return s.kind !== 'expert' && !s.withdrawnAt;
    case 'expert':
      return s.kind === 'expert' && s.ownerId === p.sub;
    default:
      return s.kind === p.role && s.orgId === p.orgId;
  }
}
