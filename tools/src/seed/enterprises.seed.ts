import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEMO_ORGANISATIONS, SEEDS_DIR } from '../demo-organisations';
import type { SeedContext } from './seed-context';

const demoEnterprisesSchema = z.object({
  enterprises: z.array(
    z.strictObject({
      orgId: z.string().min(1),
      verified: z.boolean(),
      // The whole PUT body: challenge-service validates it (credit code check included) and names what is wrong.
      profile: z.looseObject({ districtCode: z.string() }),
    }),
  ),
});

/**
 * 企业档案 of the demo enterprises from seeds/enterprises.json, registered through challenge-service's API as each
 * enterprise and verified as the district office of its district where the file says `verified` (the others wait
 * in their district's queue). Runs before the challenges step: only a verified enterprise may submit a 榜单.
 * Idempotent: a profile already registered is left as it is; only a pending one is verified.
 */
export async function seedEnterprises(ctx: SeedContext): Promise<void> {
  const { enterprises } = demoEnterprisesSchema.parse(JSON.parse(readFileSync(resolve(SEEDS_DIR, 'enterprises.json'), 'utf8')));
  const api = `${ctx.urls.challenge}/api/v1/enterprises`;
  let registered = 0;
  let verified = 0;
  for (const demo of enterprises) {
    const token = await ctx.tokenFor(demo.orgId);
    let profile = await ctx.call<{ status: string }>('GET', `${api}/me`, token);
    if (profile.status === 404) {
      profile = await ctx.call('PUT', `${api}/me`, token, demo.profile);
      if (profile.status !== 201) throw new Error(`registering enterprise ${demo.orgId}: ${profile.status} ${JSON.stringify(profile.body)}`);
      registered++;
    } else if (profile.status !== 200) {
      throw new Error(`reading enterprise ${demo.orgId}: ${profile.status} ${JSON.stringify(profile.body)}`);
    }
    if (!demo.verified || profile.body.status !== 'PENDING') continue;
    const office = DEMO_ORGANISATIONS.find((o) => o.role === 'district' && o.districtCode === demo.profile.districtCode);
    if (!office) throw new Error(`no demo district office of ${demo.profile.districtCode} to verify ${demo.orgId}`);
    const decided = await ctx.call('POST', `${api}/${encodeURIComponent(demo.orgId)}/verify`, await ctx.tokenFor(office.id));
    if (decided.status !== 200) throw new Error(`verifying enterprise ${demo.orgId}: ${decided.status} ${JSON.stringify(decided.body)}`);
    verified++;
  }
  ctx.log(`enterprises: ${registered} registered, ${verified} verified, ${enterprises.length - registered} already there`);
}
