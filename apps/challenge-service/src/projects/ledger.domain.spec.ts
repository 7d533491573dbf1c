import { DomainError } from '@jiebang/contracts';
import * as l from './ledger.domain';

const planned = (ts: l.Tranche[]) => ts.map((t) => t.shares.map((s) => s.plannedYuan));
const winners = [
  { projectId: 'p2', rank: 2 },
  { projectId: 'p1', rank: 1 },
  { projectId: 'p3', rank: 3 },
];

describe('tranche ledger', () => {
  it('SINGLE gets each tranche whole', () => {
    const ts = l.openLedger('SINGLE', [100, 250], [{ projectId: 'p1', rank: 1 }]);
    expect(planned(ts)).toEqual([[100], [250]]);
    expect(ts.map((t) => t.milestoneIndex)).toEqual([1, 2]);
  });

  it('HORSE_RACE splits each tranche equally, remainder yuan to the best ranked', () => {
    const ts = l.openLedger('HORSE_RACE', [100, 101, 3], winners);
    expect(ts[0].shares.map((s) => s.projectId)).toEqual(['p1', 'p2', 'p3']);
    expect(planned(ts)).toEqual([[34, 33, 33], [34, 34, 33], [1, 1, 1]]);
    expect(l.ledgerViolations(ts, [100, 101, 3])).toEqual([]);
  });

  it('approves the planned share and refuses overpayment with 409', () => {
    const share = l.approveShare(l.openLedger('SINGLE', [100], [{ projectId: 'p1', rank: 1 }])[0].shares[0]);
    expect(share.approvedYuan).toBe(100);
    const part = l.payShare(share, 60);
    expect(part.paidYuan).toBe(60);
    try {
      l.payShare(part, 41);
      throw new Error('expected a 409');
    } catch (e) {
      expect(e).toMatchObject({ kind: 'conflict', code: 'PROJECT_PAYMENT_EXCEEDS_APPROVED', details: { approvedYuan: 100, paidYuan: 60 } });
    }
    expect(() => l.payShare(share, 0)).toThrow(DomainError);
    expect(l.payShare(part, 40).paidYuan).toBe(100);
  });

  it('elimination under REALLOCATE_TO_SURVIVORS shares the unapproved amounts equally, remainder to the best ranked survivor', () => {
    let ts = l.openLedger('HORSE_RACE', [90, 91], winners);
    ts = ts.map((t) => (t.milestoneIndex === 1 ? { ...t, shares: t.shares.map(l.approveShare) } : t));
    const released = l.releaseShares(ts, 'p2', 'REALLOCATE_TO_SURVIVORS', winners.filter((w) => w.projectId !== 'p2'));
    expect(released.releasedYuan).toBe(30);
    expect(planned(released.tranches)).toEqual([[30, 30, 30], [31 + 15, 0, 30 + 15]]);
    expect(released.gains.get('p1')).toEqual([{ milestoneIndex: 2, addedYuan: 15, plannedYuan: 46 }]);
    expect(l.ledgerViolations(released.tranches, [90, 91])).toEqual([]);
  });

  it('gives the remainder of an odd amount to the best ranked survivor', () => {
    const ts = l.openLedger('HORSE_RACE', [103], winners);
    const released = l.releaseShares(ts, 'p1', 'REALLOCATE_TO_SURVIVORS', winners.filter((w) => w.projectId !== 'p1'));
    expect(planned(released.tranches)).toEqual([[0, 34 + 18, 34 + 17]]);
  });

  it('retains the freed amounts under RETAIN and on termination, and where no survivor can receive them', () => {
    const ts = l.openLedger('HORSE_RACE', [100], winners.slice(0, 2));
    expect(l.releaseShares(ts, 'p1', 'RETAIN', [winners[0]]).tranches[0].retainedYuan).toBe(50);
    expect(l.releaseShares(ts, 'p1', 'TERMINATE', [winners[0]]).tranches[0].retainedYuan).toBe(50);
    const survivorApproved = ts.map((t) => ({ ...t, shares: t.shares.map((s) => (s.projectId === 'p2' ? l.approveShare(s) : s)) }));
    const released = l.releaseShares(survivorApproved, 'p1', 'REALLOCATE_TO_SURVIVORS', [winners[0]]);
    expect(released).toMatchObject({ retainedYuan: 50, releasedYuan: 50 });
    expect(released.gains.size).toBe(0);
  });

  it('reports a broken ledger', () => {
    const ts = l.openLedger('SINGLE', [100], [{ projectId: 'p1', rank: 1 }]);
    expect(l.ledgerViolations(ts, [99])).toHaveLength(1);
    expect(l.ledgerViolations([{ ...ts[0], shares: [{ ...ts[0].shares[0], paidYuan: 1 }] }], [100])).toHaveLength(1);
  });
});
