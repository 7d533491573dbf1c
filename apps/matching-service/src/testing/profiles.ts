import { http } from '@jiebang/testing';

/** Profile bodies for HTTP tests: a competent casting team, a near-miss distractor, a livestock team. */
export const CASTING = {
  kind: 'team',
  name: '轻合金压铸工艺特派员团',
  orgId: 'org-team-casting',
  orgName: '重庆大学材料学院',
  districtCode: '500106',
  fields: ['light-metal'],
  capabilities: '铝合金高压铸造工艺优化，铸件气孔、缩松缺陷分析与控制，气密性检测',
  keywords: ['高压铸造', '气孔', '缩松'],
  maxLoad: 4,
};

export const SALES = {
  kind: 'team',
  name: '铝材销售服务团',
  orgId: 'org-team-sales',
  orgName: '渝北铝材贸易公司',
  districtCode: '500112',
  fields: ['light-metal'],
  capabilities: '铝合金铸件销售、仓储与物流配送，客户回访',
  keywords: ['铸件销售', '物流'],
  maxLoad: 4,
};

export const LIVESTOCK = {
  kind: 'team',
  name: '生猪养殖环保特派员团',
  orgId: 'org-team-pig',
  orgName: '西南大学动物科技学院',
  districtCode: '500153',
  fields: ['modern-agriculture', 'green-low-carbon'],
  capabilities: '养殖场氨气减排、除臭与粪污资源化利用',
  keywords: ['除臭', '氨气减排'],
  maxLoad: 4,
};

export async function putProfile(api: string, token: string, id: string, body: object) {
  const res = await http('PUT', `${api}/profiles/${id}`, { token, body });
  if (res.status !== 200 && res.status !== 201) throw new Error(`PUT profile ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
