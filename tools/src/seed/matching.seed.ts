import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SEEDS_DIR } from '../demo-organisations';
import { count, expectOk, type SeedContext } from './seed-context';

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
  const orgTypes = new Map(
    (JSON.parse(readFileSync(resolve(SEEDS_DIR, 'solvers.json'), 'utf8')) as { organisations: { orgId: string; orgType: string }[] }).organisations.map((o) => [
      o.orgId,
      o.orgType,
    ]),
  );
  const token = await ctx.tokenFor('bureau');
  const api = `${ctx.urls.matching}/api/v1/profiles`;
  const existing = new Map([...(await profileDirectory(ctx, true)).values()].map((p) => [p.name, p.id]));
  let created = 0;
  let ratings = 0;
  let later = 0;
  const queue = [...candidates];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      let id = existing.get(c.name);
      if (!id) {
        const { id: _seedId, ratings: _ratings, city, ...profile } = c;
        // A solver's organisation type is what a 榜单's eligibility rule checks (seeds/solvers.json).
        const orgType = c.kind === 'solver' ? orgTypes.get(c.orgId) : undefined;
        const post = await ctx.call<{ id: string }>('POST', api, token, { ...profile, city: city ?? null, ...(orgType ? { orgType } : {}) });
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
  const experts = await seedExperts(ctx, token, api);
  directories.delete(ctx);
  count(ctx, 'profiles', candidates.length + experts);
  ctx.log(
    `matching: ${created} profiles and ${ratings} ratings created, ${candidates.length - created} profiles already there, ${experts} experts` +
      (later ? `; ${later} ratings dated after today left out` : ''),
  );
}

interface SeedExpert {
  id: string;
  ownerId: string;
  name: string;
  districtCode: string;
  fields: string[];
  capabilities: string;
  keywords: string[];
  maxLoad: number;
  affiliations: string[];
}

/**
 * The 评审专家 of seeds/experts.json, each at its fixed id with the person who signs in as its owner, members of
 * the city's expert pool with their employers as affiliations (回避). Registered once (PUT at the fixed id); a
 * second run finds it and changes nothing.
 */
async function seedExperts(ctx: SeedContext, token: string, api: string): Promise<number> {
  const { experts } = JSON.parse(readFileSync(resolve(SEEDS_DIR, 'experts.json'), 'utf8')) as { experts: SeedExpert[] };
  for (const { id, ...e } of experts) {
    // A PUT of the same profile still publishes profile.updated: an expert already registered is left as it is.
    if ((await ctx.call('GET', `${api}/${id}`, token)).status === 200) continue;
    await expectOk(ctx, `expert ${e.name}`, 'PUT', `${api}/${id}`, token, { kind: 'expert', orgId: 'org-expert-pool', orgName: '重庆市科技评审专家库', ...e });
  }
  return experts.length;
}

export interface DirectoryProfile {
  id: string;
  name: string;
  kind: string;
  orgId: string;
  orgName: string;
}
const directories = new WeakMap<SeedContext, Promise<Map<string, DirectoryProfile>>>();

/** Every profile the bureau sees, by id, read once per run (and again after the matching step has added some). */
export function profileDirectory(ctx: SeedContext, fresh = false): Promise<Map<string, DirectoryProfile>> {
  if (fresh || !directories.has(ctx)) directories.set(ctx, readDirectory(ctx));
  return directories.get(ctx)!;
}

async function readDirectory(ctx: SeedContext): Promise<Map<string, DirectoryProfile>> {
  const token = await ctx.tokenFor('bureau');
  const byId = new Map<string, DirectoryProfile>();
  for (let page = 1; ; page++) {
    const res = await ctx.call<{ items: DirectoryProfile[] }>('GET', `${ctx.urls.matching}/api/v1/profiles?pageSize=100&page=${page}`, token);
    if (res.status !== 200) throw new Error(`listing profiles: ${res.status} ${JSON.stringify(res.body)}`);
    for (const p of res.body.items) byId.set(p.id, p);
    if (res.body.items.length < 100) return byId;
  }
}
