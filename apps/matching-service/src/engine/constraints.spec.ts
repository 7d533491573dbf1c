import { add, need, profile, testEngine } from '../testing/engine-fixtures';
import { DEFAULT_WEIGHTS } from './weights';

const now = new Date('2026-03-01T00:00:00Z');
const text = '压铸件气孔缺陷，气密性不合格';

function setup() {
  const engine = testEngine();
  const mk = (over: Parameters<typeof profile>[0] = {}) =>
    profile({ capabilities: '高压铸造气孔缺陷控制与气密性检测', fields: ['light-metal'], ...over });
  const clean = mk();
  const sameOrg = mk({ orgId: 'org-ent-1', orgName: '需求企业自己' });
  const affiliated = mk({ affiliations: ['org-ent-1'] });
  const declaredRelation = mk({ orgId: 'org-shareholder' });
  const suspended = mk({ suspended: true });
  const full = mk({ maxLoad: 3 });
  const disputed = mk();
  const oldDispute = mk();
  const otherDispute = mk();
  add(engine, clean);
  add(engine, sameOrg);
  add(engine, affiliated);
  add(engine, declaredRelation);
  add(engine, suspended);
  add(engine, full, { openLoad: 3 });
  add(engine, disputed, { disputes: [{ enterpriseOrgId: 'org-ent-1', upheldAt: new Date('2025-06-01') }] });
  add(engine, oldDispute, { disputes: [{ enterpriseOrgId: 'org-ent-1', upheldAt: new Date('2022-01-01') }] });
  add(engine, otherDispute, { disputes: [{ enterpriseOrgId: 'org-ent-other', upheldAt: new Date('2025-06-01') }] });
  const result = engine.rank(need({ text, relatedOrgIds: ['org-shareholder'] }), { k: 20, weights: DEFAULT_WEIGHTS, now });
  return { result, clean, sameOrg, affiliated, declaredRelation, suspended, full, disputed, oldDispute, otherDispute };
}

describe('hard constraints', () => {
  const s = setup();
  const ruleOf = (id: string) => s.result.excluded.find((e) => e.candidateId === id)?.violations.map((v) => v.rule);
  const ranked = s.result.results.map((r) => r.candidateId);

  it.each([
    ['same organisation as the enterprise (回避)', 'sameOrg', 'CONFLICT_SAME_ORG'],
    ['affiliated with the enterprise (回避)', 'affiliated', 'CONFLICT_AFFILIATION'],
    ['an organisation the enterprise declared as related (回避)', 'declaredRelation', 'CONFLICT_AFFILIATION'],
    ['suspended', 'suspended', 'SUSPENDED'],
    ['at capacity', 'full', 'AT_CAPACITY'],
    ['an upheld dispute with this enterprise inside the window', 'disputed', 'UPHELD_DISPUTE'],
  ] as const)('removes a candidate %s and names the rule', (_, key, rule) => {
    const id = s[key].id;
    expect(ranked).not.toContain(id);
    expect(ruleOf(id)).toEqual([rule]);
    const excluded = s.result.excluded.find((e) => e.candidateId === id)!;
    expect(excluded.violations[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(excluded.wouldRank).toBeGreaterThanOrEqual(1);
  });

  it('keeps candidates no rule applies to, including old or unrelated disputes', () => {
    expect(ranked).toEqual(expect.arrayContaining([s.clean.id, s.oldDispute.id, s.otherDispute.id]));
    expect(ranked).toHaveLength(3);
    expect(s.result.pool.excluded).toBe(6);
  });

  it('names every rule that applies to one candidate', () => {
    const engine = testEngine();
    const both = profile({ capabilities: '压铸件气孔', orgId: 'org-ent-1', suspended: true });
    add(engine, both, { openLoad: 9 });
    const { excluded } = engine.rank(need({ text }), { k: 5, weights: DEFAULT_WEIGHTS, now });
    expect(excluded[0].violations.map((v) => v.rule)).toEqual(['CONFLICT_SAME_ORG', 'SUSPENDED', 'AT_CAPACITY']);
  });
});
