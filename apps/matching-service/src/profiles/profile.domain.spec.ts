import type { Principal, ProfileContent } from '@jiebang/contracts';
import { canManage, register, update, type ProfileState } from './profile.domain';

const content: ProfileContent = {
  kind: 'team',
  name: '轻合金压铸工艺特派员团',
  orgId: 'org-team-casting',
  orgName: '重庆大学材料学院',
  districtCode: '500106',
  region: 'chongqing',
  city: null,
  fields: ['light-metal'],
  capabilities: '铝合金高压铸造工艺优化',
  pastWork: [],
  keywords: [],
  maxLoad: 4,
  affiliations: [],
  suspended: false,
  willingness: 'neutral',
};
const as = (p: Partial<Principal>): Principal => ({ sub: 'u-1', role: 'team', orgId: 'org-team-casting', ...p }) as Principal;

describe('profile rules', () => {
  it('lets a team register its own organisation’s team profile, and nobody else’s', () => {
    expect(register('p1', content, as({}), 0).version).toBe(1);
    expect(() => register('p1', { ...content, orgId: 'org-other' }, as({}), 0)).toThrow(/无权/);
    expect(() => register('p1', { ...content, kind: 'solver' }, as({}), 0)).toThrow(/无权/);
  });

  it('scopes a district office to its district and keeps experts with the bureau or the expert', () => {
    const district = as({ role: 'district', districtCode: '500106', orgId: 'org-district-500106' });
    expect(canManage(district, { kind: 'team', orgId: 'x', ownerId: null, districtCode: '500106' })).toBe(true);
    expect(canManage(district, { kind: 'team', orgId: 'x', ownerId: null, districtCode: '500112' })).toBe(false);
    expect(canManage(district, { kind: 'expert', orgId: 'x', ownerId: null, districtCode: '500106' })).toBe(false);
    const expert = register('e1', { ...content, kind: 'expert' }, as({ role: 'bureau', orgId: 'org-bureau' }), 0, 'u-exp-9');
    expect(canManage(as({ role: 'expert', sub: 'u-exp-9', orgId: 'org-expert-pool' }), expert)).toBe(true);
    expect(canManage(as({ role: 'expert', sub: 'u-exp-1', orgId: 'org-expert-pool' }), expert)).toBe(false);
  });

  it('refuses a Chongqing profile without district and a change of kind', () => {
    expect(() => register('p1', { ...content, districtCode: null }, as({ role: 'bureau' }), 0)).toThrow(
      expect.objectContaining({ code: 'PROFILE_DISTRICT_REQUIRED', details: { field: 'districtCode' } }),
    );
    const state: ProfileState = register('p1', { ...content }, as({ role: 'bureau' }), 0);
    expect(() => update(state, { ...state, kind: 'solver' }, as({ role: 'bureau' }))).toThrow(expect.objectContaining({ code: 'PROFILE_KIND_IMMUTABLE' }));
    expect(update(state, { ...state, name: '新名称' }, as({ role: 'bureau' })).version).toBe(2);
  });
});
