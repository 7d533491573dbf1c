import type { Principal, ProfileContent } from '@jiebang/contracts';
import { assertNotFuture, canManage, isFuture, put, rate, register, update, upholdDispute, withdraw, type ProfileState } from './profile.domain';

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

  describe('回避 facts the candidate cannot dodge', () => {
    const expert = as({ role: 'expert', sub: 'u-exp-9', orgId: 'org-expert-employer' });
    const bureau = as({ role: 'bureau', orgId: 'org-bureau' });
    const district = as({ role: 'district', districtCode: '500106', orgId: 'org-district-500106' });
    const affiliated = register('p1', { ...content, affiliations: ['org-ent-yujiang-alu'] }, bureau, 0);

    it('registers an expert under the organisation its identity carries, never one it names', () => {
      const own = register('e1', { ...content, kind: 'expert', orgId: 'org-expert-employer' }, expert, 0);
      expect(own).toMatchObject({ orgId: 'org-expert-employer', ownerId: 'u-exp-9' });
      expect(() => register('e2', { ...content, kind: 'expert', orgId: 'org-neutral-pool' }, expert, 0)).toThrow(
        expect.objectContaining({ code: 'PROFILE_ORG_FORBIDDEN', details: { field: 'orgId' } }),
      );
    });

    it('lets only an authority change the organisation', () => {
      const byBureau = register('e1', { ...content, kind: 'expert', orgId: 'org-ent-yujiang-alu' }, bureau, 0, 'u-exp-9');
      expect(() => update(byBureau, { ...content, kind: 'expert', orgId: 'org-neutral-pool' }, expert)).toThrow(
        expect.objectContaining({ code: 'PROFILE_ORG_FORBIDDEN' }),
      );
      expect(update(byBureau, { ...content, kind: 'expert', orgId: 'org-other' }, bureau).orgId).toBe('org-other');
    });

    it('lets a candidate declare more affiliations but withdraw one only through its district or the bureau', () => {
      const team = as({});
      expect(() => update(affiliated, { ...content, affiliations: [] }, team)).toThrow(
        expect.objectContaining({ code: 'PROFILE_AFFILIATION_FORBIDDEN', details: expect.objectContaining({ field: 'affiliations', removed: ['org-ent-yujiang-alu'] }) }),
      );
      expect(update(affiliated, { ...content, affiliations: ['org-ent-yujiang-alu', 'org-x'] }, team).affiliations).toEqual(['org-ent-yujiang-alu', 'org-x']);
      expect(update(affiliated, { ...content, affiliations: [] }, district).affiliations).toEqual([]);
      expect(update(affiliated, { ...content, affiliations: [] }, bureau).affiliations).toEqual([]);
    });

    it('keeps the affiliations on record when a candidate registers itself again', () => {
      const again = register('p2', { ...content, affiliations: [] }, as({}), 0, undefined, ['org-ent-yujiang-alu']);
      expect(again.affiliations).toEqual(['org-ent-yujiang-alu']);
      expect(register('p3', { ...content, affiliations: [] }, bureau, 0, undefined, ['org-ent-yujiang-alu']).affiliations).toEqual([]);
    });
  });

  it('refuses rating and dispute dates later than now plus the allowed skew', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(isFuture(new Date('2026-03-01T00:04:00Z'), now)).toBe(false);
    expect(isFuture(new Date('2026-03-01T00:06:00Z'), now)).toBe(true);
    expect(isFuture(new Date('9999-12-31T00:00:00Z'), now)).toBe(true);
    expect(() => assertNotFuture(new Date('2400-01-01T00:00:00Z'), now, 'ratedAt')).toThrow(
      expect.objectContaining({ code: 'PROFILE_DATE_IN_FUTURE', details: { field: 'ratedAt' } }),
    );
  });

  describe('use cases as decisions: the new state and the fact to publish', () => {
    const bureau = as({ role: 'bureau', orgId: 'org-bureau' });
    const now = new Date('2026-03-01T00:00:00Z');
    const command = { id: 'p1', content, recordedAffiliations: [] };
    const expert = register('e1', { ...content, kind: 'expert' }, bureau, 0, 'u-exp-9');

    it('registers on a first PUT and updates on the next, the fact carrying the whole profile', () => {
      const first = put(null, command, as({}));
      expect(first).toMatchObject({ registered: true, state: { version: 1, openLoad: 0 }, fact: { ...content, openLoad: 0 } });
      expect(first.fact).not.toHaveProperty('ownerId');
      const next = put(first.state, { ...command, content: { ...content, name: '新名称' } }, as({}));
      expect(next).toMatchObject({ registered: false, state: { version: 2, name: '新名称' }, fact: { name: '新名称' } });
      expect(put(null, { ...command, id: 'e1', content: { ...content, kind: 'expert' }, ownerId: 'u-exp-9' }, bureau).fact.ownerId).toBe('u-exp-9');
    });

    it('lets only an authority record the open load with a PUT, and anyone leave it as it is', () => {
      const state = register('p1', content, bureau, 2);
      expect(() => put(state, { ...command, openLoad: 3 }, as({}))).toThrow(
        expect.objectContaining({ code: 'PROFILE_CAPACITY_FORBIDDEN', details: { field: 'openLoad' } }),
      );
      expect(put(state, { ...command, openLoad: 2 }, as({})).state.openLoad).toBe(2);
      const district = as({ role: 'district', districtCode: '500106', orgId: 'org-district-500106' });
      expect(put(state, { ...command, openLoad: 3 }, district)).toMatchObject({ state: { openLoad: 3 }, fact: { openLoad: 3 } });
    });

    it('records a rating once, moving the version, dated now unless it says when', () => {
      const rating = { ratingId: 'r-1', score: 4, enterpriseOrgId: 'org-ent-yujiang-alu' };
      const rated = rate(expert, rating, false, now);
      expect(rated.state.version).toBe(expert.version + 1);
      expect(rated.rating).toEqual({ ...rating, ratedAt: now });
      expect(rated.fact).toEqual({ ...rating, ratedAt: now.toISOString(), ownerId: 'u-exp-9' });
      expect(rate(expert, { ...rating, ratedAt: '2026-02-01T08:00:00+08:00' }, false, now).fact.ratedAt).toBe('2026-02-01T08:00:00+08:00');
      expect(() => rate(expert, rating, true, now)).toThrow(expect.objectContaining({ code: 'PROFILE_RATING_EXISTS', details: expect.objectContaining({ field: 'ratingId' }) }));
      expect(() => rate(expert, { ...rating, ratedAt: '2400-01-01T00:00:00Z' }, false, now)).toThrow(expect.objectContaining({ code: 'PROFILE_DATE_IN_FUTURE' }));
    });

    it('records an upheld dispute once, like a rating, and nothing on a withdrawn profile', () => {
      const dispute = { disputeId: 'd-1', enterpriseOrgId: 'org-ent-yujiang-alu', reason: '未按约定到场服务' };
      const upheld = upholdDispute(expert, dispute, false, now);
      expect(upheld).toMatchObject({ state: { version: expert.version + 1 }, dispute: { ...dispute, upheldAt: now } });
      expect(upheld.fact).toEqual({ ...dispute, upheldAt: now.toISOString(), ownerId: 'u-exp-9' });
      expect(() => upholdDispute(expert, dispute, true, now)).toThrow(expect.objectContaining({ code: 'PROFILE_DISPUTE_EXISTS', details: expect.objectContaining({ field: 'disputeId' }) }));
      const { state: withdrawn, fact } = withdraw(expert, bureau, '专家本人申请退出', now);
      expect(fact).toEqual({ reason: '专家本人申请退出', withdrawnAt: now.toISOString(), ownerId: 'u-exp-9' });
      expect(() => upholdDispute(withdrawn, dispute, false, now)).toThrow(expect.objectContaining({ code: 'PROFILE_WITHDRAWN' }));
      expect(() => rate(withdrawn, { ratingId: 'r-2', score: 5, enterpriseOrgId: 'org-x' }, false, now)).toThrow(expect.objectContaining({ code: 'PROFILE_WITHDRAWN' }));
    });
  });
});
