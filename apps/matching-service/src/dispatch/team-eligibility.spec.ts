import { add, profile, testEngine } from '../testing/engine-fixtures';
import { ORDER } from '../testing/dispatch-fixtures';
import { DEFAULT_WEIGHTS } from '../engine/weights';
import { orderNeed } from './team-eligibility';

const now = new Date('2026-03-01T00:00:00Z');

describe('an order as the matcher reads it (回避 of the enterprise and its related organisations)', () => {
  const engine = testEngine();
  const mk = (orgId: string) => profile({ orgId, capabilities: '柑橘黄龙病防治与果园现场诊断', fields: ['modern-agriculture'] });
  const free = mk('org-team-free');
  const holding = mk('org-yujiang-holding');
  const own = mk(ORDER.enterpriseOrgId);
  for (const p of [free, holding, own]) add(engine, p);

  it('carries the related organisations of the submitted order into the need', () => {
    expect(orderNeed({ ...ORDER, relatedOrgIds: ['org-yujiang-holding'] })).toMatchObject({
      enterpriseOrgId: ORDER.enterpriseOrgId,
      relatedOrgIds: ['org-yujiang-holding'],
      wants: 'team',
    });
    expect(orderNeed(ORDER).relatedOrgIds).toEqual([]);
  });

  it('never ranks a team of a related organisation, and says why', () => {
    const ranked = engine.rank(orderNeed({ ...ORDER, relatedOrgIds: ['org-yujiang-holding'] }), { k: 10, weights: DEFAULT_WEIGHTS, now });
    expect(ranked.results.map((r) => r.candidateId)).toEqual([free.id]);
    const rules = new Map(ranked.excluded.map((e) => [e.candidateId, e.violations[0].rule]));
    expect(rules.get(holding.id)).toBe('CONFLICT_AFFILIATION');
    expect(rules.get(own.id)).toBe('CONFLICT_SAME_ORG');
  });

  it('ranks the same team when the order names no relation', () => {
    const ranked = engine.rank(orderNeed(ORDER), { k: 10, weights: DEFAULT_WEIGHTS, now });
    expect(ranked.results.map((r) => r.candidateId).sort()).toEqual([free.id, holding.id].sort());
  });
});
