import { http, mintToken, principals } from '@jiebang/testing';
import { SERVICE_URLS } from './fixtures';

/** GB 32100 check character of the first 17 characters of a 统一社会信用代码. */
export function creditCode(body17: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body17].reduce((acc, c, i) => acc + chars.indexOf(c) * weights[i], 0);
  return body17 + chars[(31 - (sum % 31)) % 31];
}

/**
 * Submitting a 榜单 needs a VERIFIED enterprise profile once challenge-service has enterprises (docs/workflows.md §1):
 * the enterprise registers itself and its district office verifies it, through the API. Where the route does not
 * exist yet (a plain 404 NOT_FOUND from the framework), there is no gate and nothing to arrange.
 */
export async function verifiedEnterprise(): Promise<void> {
  const enterprise = await mintToken(principals.enterprise);
  const api = `${SERVICE_URLS.challenge}/api/v1/enterprises`;
  const me = await http('GET', `${api}/me`, { token: enterprise });
  if (me.status === 404 && me.body?.code === 'NOT_FOUND') return;
  if (me.body?.status === 'VERIFIED') return;
  const put = await http('PUT', `${api}/me`, {
    token: enterprise,
    body: {
      name: principals.enterprise.orgName,
      creditCode: creditCode('91500112MA5U7Y8R0'),
      districtCode: principals.enterprise.districtCode,
      type: 'private',
      qualifications: ['tech-sme'],
      contacts: [{ name: '李志强', title: '技术部经理', phone: '023-67001234' }],
      relatedOrgIds: [],
    },
  });
  if (put.status >= 300) throw new Error(`registering the enterprise: ${put.status} ${JSON.stringify(put.body)}`);
  const verified = await http('POST', `${api}/${principals.enterprise.orgId}/verify`, { token: await mintToken(principals.district) });
  if (verified.status >= 300) throw new Error(`verifying the enterprise: ${verified.status} ${JSON.stringify(verified.body)}`);
}
