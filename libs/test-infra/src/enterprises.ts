import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Principal } from '@jiebang/contracts';
import { http } from './http';
import { mintToken } from './tokens';

const DEMO_ENTERPRISES_FILE = resolve(__dirname, '../../../seeds/enterprises.json');

interface DemoEnterprise {
  orgId: string;
  profile: Record<string, unknown> & { name: string; districtCode: string };
}

/** The demo profile (seeds/enterprises.json) of an organisation, named and placed as the principal's token says. */
export function demoEnterpriseProfile(principal: Principal): DemoEnterprise['profile'] {
  const { enterprises } = JSON.parse(readFileSync(DEMO_ENTERPRISES_FILE, 'utf8')) as { enterprises: DemoEnterprise[] };
  const demo = enterprises.find((e) => e.orgId === principal.orgId);
  if (!demo) throw new Error(`no demo enterprise ${principal.orgId} in seeds/enterprises.json: pass a profile`);
  return { ...demo.profile, name: principal.orgName ?? demo.profile.name, districtCode: principal.districtCode ?? demo.profile.districtCode };
}

/**
 * Registers the principal's enterprise profile (its demo profile unless one is given) in challenge-service at
 * `challengeUrl` and has the district office of its district verify it: what an enterprise needs before it may
 * submit a 榜单. Safe to call again for the same enterprise. Returns the profile as the service answers it.
 */
export async function verifiedEnterprise(challengeUrl: string, principal: Principal, profile = demoEnterpriseProfile(principal)) {
  const api = `${challengeUrl}/api/v1/enterprises`;
  const registered = await http('PUT', `${api}/me`, { token: await mintToken(principal), body: profile });
  if (registered.status !== 201 && registered.status !== 200) {
    throw new Error(`registering enterprise ${principal.orgId}: ${registered.status} ${JSON.stringify(registered.body)}`);
  }
  if (registered.body.status === 'VERIFIED') return registered.body;
  const district = String(profile.districtCode);
  const office = await mintToken({ sub: `u-dist-${district}`, role: 'district', orgId: `org-district-${district}`, districtCode: district });
  const verified = await http('POST', `${api}/${encodeURIComponent(principal.orgId)}/verify`, { token: office });
  if (verified.status !== 200) throw new Error(`verifying enterprise ${principal.orgId}: ${verified.status} ${JSON.stringify(verified.body)}`);
  return verified.body;
}
