import { Injectable } from '@nestjs/common';
import type { EventOf, serviceOrderRatedV1, serviceOrderRatingVoidedV1 } from '@jiebang/contracts';
import type { EntityManager } from 'typeorm';
import { ProfileStore } from '../profiles/profile.store';

type Rated = EventOf<typeof serviceOrderRatedV1>;
type Voided = EventOf<typeof serviceOrderRatingVoidedV1>;

/**
 * 企业评价 from the workflow into the team's reputation: the mean of the four criteria is one rating in the existing
 * model (smoothed and decayed like the bureau's imported ones); a voided rating stays on record but stops counting.
 * The profile's version moves (its NOTIFY, once committed, refreshes every index) without a `profile.rated`: the
 * fact is the order's.
 */
@Injectable()
export class TeamReputation {
  constructor(private readonly profiles: ProfileStore) {}

  async rated(event: Rated, em: EntityManager): Promise<void> {
    const d = event.data;
    const profile = await this.profiles.lockById(em, d.team.profileId);
    if (!profile) return;
    const s = d.scores;
    const score = (s.response + s.expertise + s.effect + s.attitude) / 4;
    // The profile row is locked: a redelivered rating finds itself already counted.
    if (await this.profiles.hasRating(em, profile.id, d.ratingId)) return;
    await em.query(
      `INSERT INTO candidate_ratings (profile_id, rating_id, score, rated_at, enterprise_org_id, order_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [profile.id, d.ratingId, score, new Date(d.ratedAt), d.enterpriseOrgId, event.subject],
    );
    await this.profiles.bump(em, profile.id, profile.version + 1, {}, new Date());
  }

  async voided(event: Voided, em: EntityManager): Promise<void> {
    const d = event.data;
    const profile = await this.profiles.lockById(em, d.team.profileId);
    if (!profile) return;
    const [, affected] = (await em.query(
      `UPDATE candidate_ratings SET voided_at = $3 WHERE profile_id = $1 AND rating_id = $2 AND voided_at IS NULL RETURNING rating_id`,
      [profile.id, d.ratingId, new Date(d.voidedAt)],
    )) as [unknown[], number];
    if (affected === 0) return;
    await this.profiles.bump(em, profile.id, profile.version + 1, {}, new Date());
  }
}
