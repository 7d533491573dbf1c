import type { Principal } from '@jiebang/contracts';
import type { SelectQueryBuilder } from 'typeorm';
import type { CandidateProfile } from './candidate-profile.entity';

/**
 * Which profiles a caller may read, as a WHERE clause. Authorities and district offices see every profile (a district
 * recommends teams from other districts too); enterprises see teams and solvers, never experts; a candidate sees its
 * own: its organisation's for teams and solvers, the one it registered for experts.
 */
export function scopeProfiles(qb: SelectQueryBuilder<CandidateProfile>, p: Principal): SelectQueryBuilder<CandidateProfile> {
  switch (p.role) {
    case 'admin':
    case 'bureau':
    case 'district':
      return qb;
    case 'enterprise':
      return qb.andWhere(`p.kind IN ('team', 'solver') AND p.withdrawn_at IS NULL`);
    case 'expert':
      return qb.andWhere(`p.kind = 'expert' AND p.owner_id = :sub`, { sub: p.sub });
    default:
      return qb.andWhere('p.kind = :kind AND p.org_id = :orgId', { kind: p.role, orgId: p.orgId });
  }
}
