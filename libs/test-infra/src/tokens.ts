import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Principal } from '@jiebang/contracts';
import { importPKCS8, SignJWT } from 'jose';

const DEV_PRIVATE_KEY_FILE = resolve(__dirname, '../../../seeds/dev-keys/jwt-private.pem');

/** A token the services accept (dev key, default issuer and audience); `overrides` let tests forge bad ones. */
export async function mintToken(
  claims: Partial<Principal> & Record<string, unknown>,
  overrides: { issuer?: string; audience?: string; expiresIn?: string | number } = {},
): Promise<string> {
  const key = await importPKCS8(readFileSync(DEV_PRIVATE_KEY_FILE, 'utf8'), 'RS256');
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(overrides.issuer ?? 'jiebang-dev')
    .setAudience(overrides.audience ?? 'jiebang')
    .setIssuedAt()
    .setExpirationTime(overrides.expiresIn ?? '1h')
    .sign(key);
}

export const principals = {
  enterprise: { sub: 'u-ent-1', role: 'enterprise', orgId: 'org-ent-yujiang-alu', orgName: '重庆渝江铝业压铸有限公司', districtCode: '500112' },
  otherEnterprise: { sub: 'u-ent-2', role: 'enterprise', orgId: 'org-ent-bashan-pig', orgName: '重庆巴山生态养殖有限公司', districtCode: '500153' },
  bureau: { sub: 'u-bureau-1', role: 'bureau', orgId: 'org-bureau', orgName: '重庆市科学技术局' },
  district: { sub: 'u-dist-1', role: 'district', orgId: 'org-district-500112', districtCode: '500112' },
  otherDistrict: { sub: 'u-dist-2', role: 'district', orgId: 'org-district-500106', districtCode: '500106' },
  solver: { sub: 'u-sol-1', role: 'solver', orgId: 'org-sol-cqu-materials' },
  team: { sub: 'u-team-1', role: 'team', orgId: 'org-team-casting', districtCode: '500107' },
  expert: { sub: 'u-exp-1', role: 'expert', orgId: 'org-expert-pool' },
} satisfies Record<string, Principal>;
