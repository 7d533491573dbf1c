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

const CONCURRENCY = 8;

/**
 * Candidate profiles (teams, solvers, experts) from seeds/matching/candidates.json, registered through the
 * matching-service API as the bureau, with their ratings, so the index and the profile events are the real ones.
 * Idempotent: a profile is known by its name (unique in the seed file) and left as it is; a rating already
 * recorded (its id is the seed id and its number) answers 409 and is skipped.
 */
export async function seedMatching(ctx: SeedContext): Promise<void> {
  const { candidates } = JSON.parse(readFileSync(resolve(SEEDS_DIR, 'matching/candidates.json'), 'utf8')) as { candidates: SeedCandidate[] };
  const token = await ctx.tokenFor('bureau');
  const api = `${ctx.urls.matching}/api/v1/profiles`;
  const existing = await profilesByName(ctx, api, token);
  let created = 0;
  let ratings = 0;
  let later = 0;
  const queue = [...candidates];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      let id = existing.get(c.name);
      if (!id) {
        const { id: _seedId, ratings: _ratings, city, ...profile } = c;
        const post = await ctx.call<{ id: string }>('POST', api, token, { ...profile, city: city ?? null });
        if (post.status !== 201) throw new Error(`profile ${c.id} (${c.name}): ${post.status} ${JSON.stringify(post.body)}`);
        id = post.body.id;
        created++;
      }
      for (const [i, r] of c.ratings.entries()) {
        const body = { ratingId: `${c.id}-r${i + 1}`, score: r.score, ratedAt: `${r.at}T10:00:00+08:00`, enterpriseOrgId: 'org-seed-ratings' };
        const rated = await ctx.call<{ details?: { field?: string } }>('POST', `${api}/${id}/ratings`, token, body);
        if (rated.status === 200) ratings++;
        // A seed rating dated after this machine's clock is refused (no future-dated ratings): left for a later run.
        else if (rated.status === 400 && rated.body.details?.field === 'ratedAt') later++;
        else if (rated.status !== 409) throw new Error(`rating ${body.ratingId}: ${rated.status} ${JSON.stringify(rated.body)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  ctx.log(
    `matching: ${created} profiles and ${ratings} ratings created, ${candidates.length - created} profiles already there` +
      (later ? `; ${later} ratings dated after today left out` : ''),
  );
}

/** Every profile the bureau sees, by name, page by page. */
async function profilesByName(ctx: SeedContext, api: string, token: string): Promise<Map<string, string>> {
  const byName = new Map<string, string>();
  for (let page = 1; ; page++) {
    const res = await ctx.call<{ items: { id: string; name: string }[]; total: number }>('GET', `${api}?pageSize=100&page=${page}`, token);
    if (res.status !== 200) throw new Error(`listing profiles: ${res.status} ${JSON.stringify(res.body)}`);
    for (const p of res.body.items) byName.set(p.name, p.id);
    if (res.body.items.length < 100) return byName;
  }
}
