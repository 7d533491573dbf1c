import { DomainError } from '@jiebang/contracts';
import { decide, lodge, visibleTo } from './objection.domain';

const now = new Date('2027-03-02T02:00:00Z');
const solver = { sub: 'u-s', role: 'solver' as const, orgId: 'org-s' };
const expert = { sub: 'u-e', role: 'expert' as const, orgId: 'org-e' };
const enterprise = { sub: 'u-ent', role: 'enterprise' as const, orgId: 'org-ent' };
const bureau = { sub: 'u-b', role: 'bureau' as const, orgId: 'org-b' };

const bySolver = lodge('o-1', 'c-1', solver, ['材料造假'], [], now);
const byExpert = lodge('o-2', 'c-1', expert, ['打分偏差'], [{ name: '证据.pdf', url: 'files/e.pdf' }], now);

describe('objections (objection.domain)', () => {
  it('are lodged OPEN, naming the objector', () => {
    expect(bySolver).toMatchObject({ status: 'OPEN', objectorId: 'u-s', objectorOrgId: 'org-s', objectorRole: 'solver', decidedAt: null });
  });

  it('are decided once: a second decision is 409 OBJECTION_ALREADY_DECIDED with the objection state', () => {
    const upheld = decide(bySolver, 'UPHELD', '成立', 'u-b', now, ['a-1']);
    expect(upheld).toMatchObject({ status: 'UPHELD', decidedBy: 'u-b', decisionReason: '成立', applicationIds: ['a-1'] });
    let error: unknown;
    try {
      decide(upheld, 'DISMISSED', '不成立', 'u-b', now);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'OBJECTION_ALREADY_DECIDED', details: { currentState: 'UPHELD' } });
  });

  it('the bureau sees all, named; the enterprise all, anonymous; an objector its own; others nothing', () => {
    const all = [bySolver, byExpert];
    expect(visibleTo(all, bureau, 'org-ent')).toEqual(all);
    const toEnterprise = visibleTo(all, enterprise, 'org-ent');
    expect(toEnterprise.map((o) => [o.id, o.objectorId, o.objectorOrgId, o.objectorRole])).toEqual([
      ['o-1', null, null, null],
      ['o-2', null, null, null],
    ]);
    expect(visibleTo(all, solver, 'org-ent').map((o) => o.id)).toEqual(['o-1']);
    expect(visibleTo(all, { ...enterprise, orgId: 'org-other' }, 'org-ent')).toEqual([]);
    expect(visibleTo(all, { sub: 'u-t', role: 'team', orgId: 'org-t' }, 'org-ent')).toEqual([]);
  });
});
