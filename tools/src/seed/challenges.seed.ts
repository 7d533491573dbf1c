import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SEEDS_DIR } from '../demo-organisations';
import type { SeedContext } from './seed-context';

interface DemoChallenge {
  enterpriseOrgId: string;
  submit: boolean;
  content: Record<string, unknown> & { title: string };
}

/**
 * Demo 榜单 from seeds/challenges.json, created through the challenge-service API so their events flow to the
 * other services like real ones. Idempotent: a title the enterprise already has is skipped.
 */
export async function seedChallenges(ctx: SeedContext): Promise<void> {
  const { challenges } = JSON.parse(readFileSync(resolve(SEEDS_DIR, 'challenges.json'), 'utf8')) as { challenges: DemoChallenge[] };
  let created = 0;
  for (const demo of challenges) {
    const token = await ctx.tokenFor(demo.enterpriseOrgId);
    const existing = await ctx.call<{ items: { title: string }[] }>('GET', `${ctx.urls.challenge}/api/v1/challenges?pageSize=100`, token);
    if (existing.body.items.some((c) => c.title === demo.content.title)) continue;
    const draft = await ctx.call<{ id: string }>('POST', `${ctx.urls.challenge}/api/v1/challenges`, token, demo.content);
    if (draft.status !== 201) throw new Error(`creating "${demo.content.title}" failed: ${JSON.stringify(draft.body)}`);
    if (demo.submit) {
      const submitted = await ctx.call('POST', `${ctx.urls.challenge}/api/v1/challenges/${draft.body.id}/submit`, token);
      if (submitted.status !== 200) throw new Error(`submitting "${demo.content.title}" failed: ${JSON.stringify(submitted.body)}`);
    }
    created++;
  }
  ctx.log(`challenges: ${created} created, ${challenges.length - created} already there`);
}
