import type { CandidateKind } from '@jiebang/contracts';
import type { Need } from '../engine/need';
import type { KnownChallenge } from './known-challenge.entity';

/** A 榜单 as the matcher reads it: title, description and indicators as text, its keywords, fields and owner. */
export function challengeNeed(c: KnownChallenge, wants: CandidateKind): Need {
  return {
    title: c.title,
    text: [c.description, ...c.indicators].join('。'),
    keywords: c.keywords,
    fields: c.fields,
    districtCode: c.districtCode,
    enterpriseOrgId: c.enterpriseOrgId,
    relatedOrgIds: c.enterpriseRelatedOrgIds,
    wants,
  };
}
