import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type EventOf, type Principal, type challengeSubmittedV1 } from '@jiebang/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { KnownChallenge } from './known-challenge.entity';

type Submitted = EventOf<typeof challengeSubmittedV1>;

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
    await em.query(
      `INSERT INTO known_challenges AS k
         (id, last_sequence, status, enterprise_org_id, enterprise_name, district_code, title, description,
          indicators, keywords, fields, bounty_yuan, deadline, mode, updated_at)
       VALUES ($1, $2, 'SUBMITTED', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (id) DO UPDATE SET
         last_sequence = EXCLUDED.last_sequence, status = EXCLUDED.status,
         enterprise_org_id = EXCLUDED.enterprise_org_id, enterprise_name = EXCLUDED.enterprise_name,
         district_code = EXCLUDED.district_code, title = EXCLUDED.title, description = EXCLUDED.description,
         indicators = EXCLUDED.indicators, keywords = EXCLUDED.keywords, fields = EXCLUDED.fields,
         bounty_yuan = EXCLUDED.bounty_yuan, deadline = EXCLUDED.deadline, mode = EXCLUDED.mode,
         updated_at = EXCLUDED.updated_at
       WHERE k.last_sequence < EXCLUDED.last_sequence`,
      [
        event.subject,
        event.sequence,
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
        event.time,
      ],
    );
  }
}
