import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SEEDS_DIR } from '../demo-organisations';
import type { SeedContext } from './seed-context';

interface SeedCandidate {
  id: string;
  kind: string;
  name: string;
  orgId: string;
  orgName: string;
  districtCode: string | null;
  region: string;
  city?: string | null;
  fields: string[];
  capabilities: string;
  pastWork: string[];
  keywords: string[];
  maxLoad: number;
  openLoad: number;
  affiliations: string[];
  suspended: boolean;
  ratings: { score: number; at: string }[];
}

/** The seed's readable ids (cand-team-001) as stable uuids, so a second run addresses the same profiles. */
export function profileUuid(seedId: string): string {
  const h = createHash('sha1').update(`jiebang:matching:${seedId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const CONCURRENCY = 8;

/**
 * Candidate profiles (teams, solvers, experts) from seeds/matching/candidates.json, registered through the
 * matching-service API as the bureau, with their ratings, so the index and the profile events are the real ones.
 * Idempotent: a profile that exists is left as it is; a rating already recorded answers 409 and is skipped.
 */
export async function seedMatching(ctx: SeedContext): Promise<void> {
  const { candidates } = JSON.parse(readFileSync(resolve(SEEDS_DIR, 'matching/candidates.json'), 'utf8')) as { candidates: SeedCandidate[] };
  const token = await ctx.tokenFor('bureau');
  const api = `${ctx.urls.matching}/api/v1/profiles`;
  let created = 0;
  let ratings = 0;
  const queue = [...candidates];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const id = profileUuid(c.id);
      const existing = await ctx.call('GET', `${api}/${id}`, token);
      if (existing.status === 404) {
        const { id: _seedId, ratings: _ratings, city, ...profile } = c;
        const put = await ctx.call('PUT', `${api}/${id}`, token, { ...profile, city: city ?? null });
        if (put.status !== 200) throw new Error(`profile ${c.id} (${c.name}): ${put.status} ${JSON.stringify(put.body)}`);
        created++;
      } else if (existing.status !== 200) {
        throw new Error(`profile ${c.id}: ${existing.status} ${JSON.stringify(existing.body)}`);
      }
      for (const [i, r] of c.ratings.entries()) {
        const body = { ratingId: `${c.id}-r${i + 1}`, score: r.score, ratedAt: `${r.at}T10:00:00+08:00`, enterpriseOrgId: 'org-seed-ratings' };
        const rated = await ctx.call('POST', `${api}/${id}/ratings`, token, body);
        if (rated.status === 200) ratings++;
        else if (rated.status !== 409) throw new Error(`rating ${body.ratingId}: ${rated.status} ${JSON.stringify(rated.body)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  ctx.log(`matching: ${created} profiles and ${ratings} ratings created, ${candidates.length - created} profiles already there`);
}
