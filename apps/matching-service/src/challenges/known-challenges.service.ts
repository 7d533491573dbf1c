import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  type challengeDeadlineExtendedV1,
  type challengePublishedV1,
  type challengeSubmittedV1,
  type challengeTermsAcceptedV1,
  type Envelope,
  type EventOf,
  type Principal,
} from '@jiebang/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { KnownChallenge } from './known-challenge.entity';

type Submitted = EventOf<typeof challengeSubmittedV1>;
type Published = EventOf<typeof challengePublishedV1>;

/** The columns a submission or publication writes. */
type ChallengeRow = Pick<
  Published['data'],
  'enterpriseOrgId' | 'enterpriseName' | 'districtCode' | 'title' | 'description' | 'indicators' | 'keywords' | 'fields' | 'bountyYuan' | 'deadline' | 'mode' | 'maxWinners'
> & {
  deadlineAt: string | null;
  eligibility: Published['data']['eligibility'] | null;
  reviewWeights: Published['data']['reviewWeights'] | null;
  enterpriseRelatedOrgIds: string[];
};

/** Where the lifecycle facts matching does not rank on leave the 榜单 (ARCHITECTURE §3's states). */
export type KnownStatus =
  | 'UNDER_VETTING'
  | 'APPROVED'
  | 'RETURNED'
  | 'REJECTED'
  | 'PUBLISHED'
  | 'CLOSED'
  | 'WITHDRAWN'
  | 'FAILED'
  | 'UNDER_REVIEW'
  | 'IN_PUBLIC_NOTICE'
  | 'AWARDED';

const UPSERT_COLUMNS = `(id, last_sequence, status, enterprise_org_id, enterprise_name, district_code, title, description,
  indicators, keywords, fields, bounty_yuan, deadline, mode, max_winners, deadline_at, eligibility, review_weights,
  enterprise_related_org_ids, updated_at)`;

/** On a newer fact every column is replaced, except the facts only publication carries when this one lacks them. */
const UPSERT_SET = `last_sequence = EXCLUDED.last_sequence, status = EXCLUDED.status,
  enterprise_org_id = EXCLUDED.enterprise_org_id, enterprise_name = EXCLUDED.enterprise_name,
  district_code = EXCLUDED.district_code, title = EXCLUDED.title, description = EXCLUDED.description,
  indicators = EXCLUDED.indicators, keywords = EXCLUDED.keywords, fields = EXCLUDED.fields,
  bounty_yuan = EXCLUDED.bounty_yuan, deadline = EXCLUDED.deadline, mode = EXCLUDED.mode, max_winners = EXCLUDED.max_winners,
  deadline_at = COALESCE(EXCLUDED.deadline_at, k.deadline_at), eligibility = COALESCE(EXCLUDED.eligibility, k.eligibility),
  review_weights = COALESCE(EXCLUDED.review_weights, k.review_weights),
  enterprise_related_org_ids = EXCLUDED.enterprise_related_org_ids, updated_at = EXCLUDED.updated_at`;

/** Keeps the challenge read model current; every write is "apply if newer" on the aggregate's sequence. */
@Injectable()
export class KnownChallengesService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** A challenge the caller may rank for: any for the bureau and admins, its own district's for a district office. */
  async findForRanking(id: string, p: Principal): Promise<KnownChallenge> {
    const found = await this.ds.getRepository(KnownChallenge).findOneBy({ id });
    if (!found || (p.role === 'district' && found.districtCode !== p.districtCode)) {
      throw DomainError.notFound('CHALLENGE_NOT_FOUND', '榜单不存在或无权查看', { id });
    }
    return found;
  }

  async recordSubmitted(event: Submitted, em: EntityManager): Promise<void> {
    const d = event.data;
    await this.upsert(em, event, 'SUBMITTED', {
      ...d,
      deadlineAt: d.deadlineAt ?? null,
      eligibility: d.eligibility ?? null,
      reviewWeights: d.reviewWeights ?? null,
      enterpriseRelatedOrgIds: [],
    });
  }

  /** Publication carries the whole 榜单 (confidential fields included) and the enterprise's related organisations. */
  async recordPublished(event: Published, em: EntityManager): Promise<void> {
    const d = event.data;
    await this.upsert(em, event, 'PUBLISHED', { ...d, enterpriseRelatedOrgIds: d.enterpriseRelatedOrgIds });
  }

  async recordDeadlineExtended(event: EventOf<typeof challengeDeadlineExtendedV1>, em: EntityManager): Promise<void> {
    await em.query(
      `UPDATE known_challenges SET last_sequence = $2, deadline_at = $3, deadline = $4, updated_at = $5
        WHERE id = $1 AND last_sequence < $2`,
      [event.subject, event.sequence, event.data.deadlineAt, event.data.deadline, event.time],
    );
  }

  /** A lifecycle fact whose only effect here is the 榜单's status. */
  async recordStatus(event: Envelope, status: KnownStatus, em: EntityManager): Promise<void> {
    await em.query(`UPDATE known_challenges SET last_sequence = $2, status = $3, updated_at = $4 WHERE id = $1 AND last_sequence < $2`, [
      event.subject,
      event.sequence,
      status,
      event.time,
    ]);
  }

  /**
   * Acceptances are a set per (challenge, organisation), not a version of the 榜单: recorded once, whatever order
   * they arrive in, and without moving the challenge's sequence.
   */
  async recordTermsAccepted(event: EventOf<typeof challengeTermsAcceptedV1>, em: EntityManager): Promise<void> {
    await em.query(
      `INSERT INTO challenge_terms_acceptances (challenge_id, org_id, role, accepted_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [event.subject, event.data.orgId, event.data.role, event.data.acceptedAt],
    );
  }

  private async upsert(
    em: EntityManager,
    event: Envelope,
    status: KnownStatus | 'SUBMITTED',
    d: ChallengeRow,
  ): Promise<void> {
    await em.query(
      `INSERT INTO known_challenges AS k ${UPSERT_COLUMNS}
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
       ON CONFLICT (id) DO UPDATE SET ${UPSERT_SET}
       WHERE k.last_sequence < EXCLUDED.last_sequence`,
      [
        event.subject,
        event.sequence,
        status,
        d.enterpriseOrgId,
        d.enterpriseName,
        d.districtCode,
        d.title,
        d.description,
        JSON.stringify(d.indicators),
        JSON.stringify(d.keywords),
        JSON.stringify(d.fields),
        d.bountyYuan,
        d.deadline,
        d.mode,
        d.maxWinners,
        d.deadlineAt,
        d.eligibility && JSON.stringify(d.eligibility),
        d.reviewWeights && JSON.stringify(d.reviewWeights),
        JSON.stringify(d.enterpriseRelatedOrgIds),
        event.time,
      ],
    );
  }
}
