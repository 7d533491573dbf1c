import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Need } from '../engine/need';
import { RankingEngine } from '../engine/ranking.engine';
import type { RankingWeights } from '../engine/weights';
import { DEPLOYMENT_WEIGHTS } from '../ranking/engine.provider';
import type { OrderSnapshot } from './dispatch.domain';
import type { Exclusions } from './dispatch-offer.domain';

/** The order as the matcher reads it: a team is wanted, the enterprise (and its relations) are 回避. */
export function orderNeed(order: OrderSnapshot): Need {
  return {
    title: order.title,
    text: order.description,
    keywords: [],
    fields: order.fields ?? [],
    districtCode: order.districtCode,
    enterpriseOrgId: order.enterpriseOrgId,
    relatedOrgIds: order.relatedOrgIds ?? [],
    wants: 'team',
  };
}

interface LoadRow {
  id: string;
  open_load: number;
  max_load: number;
  suspended: boolean;
  withdrawn: boolean;
}

/**
 * Which of some teams cannot be offered an order now, and why: capacity, suspension and withdrawal read from Postgres
 * (another order may have filled a team a moment ago), 回避 and upheld disputes by the engine's own rules.
 */
@Injectable()
export class TeamEligibility {
  constructor(
    private readonly engine: RankingEngine,
    @Inject(DEPLOYMENT_WEIGHTS) private readonly weights: RankingWeights,
  ) {}

  async exclusions(em: EntityManager, need: Need, profileIds: string[], now: Date): Promise<Exclusions> {
    const rows = (await em.query(
      `SELECT id, open_load, max_load, suspended, withdrawn_at IS NOT NULL AS withdrawn FROM candidate_profiles WHERE id = ANY($1) AND kind = 'team'`,
      [profileIds],
    )) as LoadRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const excluded = new Map<string, string>();
    for (const id of profileIds) {
      const row = byId.get(id);
      const why = !row
        ? '团队不存在'
        : row.withdrawn
          ? '画像已撤销'
          : row.suspended
            ? '团队已被暂停'
            : row.open_load >= row.max_load
              ? `负荷已满（在办 ${row.open_load} 项，上限 ${row.max_load} 项）`
              : this.conflict(need, id, now);
      if (why) excluded.set(id, why);
    }
    return excluded;
  }

  private conflict(need: Need, id: string, now: Date): string | null {
    const scored = this.engine.scoreWithin(need, id, { weights: this.weights, now });
    const found = scored?.violations.find((v) => v.rule !== 'AT_CAPACITY' && v.rule !== 'SUSPENDED');
    return found?.message ?? null;
  }
}
