import { DomainError, type ChallengeMode, type EliminationPolicy } from '@jiebang/contracts';

/** One project's part of one tranche: what it is planned to get, what the enterprise approved and what it paid. */
export interface Share {
  projectId: string;
  /** The winner's place in the ranking: remainders go to the best ranked (lowest rank). */
  rank: number;
  milestoneIndex: number;
  plannedYuan: number;
  approvedYuan: number;
  paidYuan: number;
}

/** One tranche of the plan (per challenge and milestone index) and the money no project will get (`retainedYuan`). */
export interface Tranche {
  milestoneIndex: number;
  trancheYuan: number;
  retainedYuan: number;
  shares: Share[];
}

export interface Winner {
  projectId: string;
  rank: number;
}

const byRank = <T extends { rank: number }>(a: T, b: T) => a.rank - b.rank;

/** `amount` split in `n` equal integer parts; the remainder yuan go to the first parts (the best ranked). */
export function splitEqually(amount: number, n: number): number[] {
  const base = Math.floor(amount / n);
  const remainder = amount - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < remainder ? 1 : 0));
}

/** The ledger an award opens: SINGLE gets each tranche whole, HORSE_RACE splits each equally among the winners. */
export function openLedger(mode: ChallengeMode, tranchesYuan: number[], winners: Winner[]): Tranche[] {
  const ranked = [...winners].sort(byRank);
  if (ranked.length === 0) throw new Error('an award has at least one winner');
  if (mode === 'SINGLE' && ranked.length !== 1) throw new Error('a SINGLE award has exactly one winner');
  return tranchesYuan.map((trancheYuan, i) => {
    const parts = splitEqually(trancheYuan, ranked.length);
    return {
      milestoneIndex: i + 1,
      trancheYuan,
      retainedYuan: 0,
      shares: ranked.map((w, k) => ({ projectId: w.projectId, rank: w.rank, milestoneIndex: i + 1, plannedYuan: parts[k], approvedYuan: 0, paidYuan: 0 })),
    };
  });
}

function shareOf(tranche: Tranche, projectId: string): Share {
  const share = tranche.shares.find((s) => s.projectId === projectId);
  if (!share) throw new Error(`project ${projectId} has no share of tranche ${tranche.milestoneIndex}`);
  return share;
}

function replaceShare(tranche: Tranche, next: Share): Tranche {
  return { ...tranche, shares: tranche.shares.map((s) => (s.projectId === next.projectId ? next : s)) };
}

/** The enterprise approved the milestone: the project's whole planned share of the tranche is approved for payment. */
export function approveShare(share: Share): Share {
  return { ...share, approvedYuan: share.plannedYuan };
}

/** A payment on an approved share; more than is approved and unpaid is refused (409, nothing is owed beyond it). */
export function payShare(share: Share, amountYuan: number): Share {
  const owed = share.approvedYuan - share.paidYuan;
  if (!Number.isInteger(amountYuan) || amountYuan <= 0) {
    throw DomainError.invalid('PROJECT_PAYMENT_AMOUNT_INVALID', '付款金额须为正整数（元）', 'amountYuan');
  }
  if (amountYuan > owed) {
    throw DomainError.invalidState('PROJECT_PAYMENT_EXCEEDS_APPROVED', `付款金额超过已批准未支付金额（${owed} 元）`, 'APPROVED', {
      approvedYuan: share.approvedYuan,
      paidYuan: share.paidYuan,
    });
  }
  return { ...share, paidYuan: share.paidYuan + amountYuan };
}

export interface Released {
  tranches: Tranche[];
  /** Σ of the project's unapproved planned amounts that left it. */
  releasedYuan: number;
  /** Per survivor, what it gained per milestone index (REALLOCATE_TO_SURVIVORS only). */
  gains: Map<string, { milestoneIndex: number; addedYuan: number; plannedYuan: number }[]>;
  retainedYuan: number;
}

/**
 * A project leaves the race: its planned money not yet approved leaves it. On termination, or on elimination under
 * RETAIN, it is retained by the challenge. Under REALLOCATE_TO_SURVIVORS each tranche's freed amount is split equally
 * among the survivors that can still receive it (their milestone not approved yet, so the addition can be approved),
 * remainder to the best ranked; a tranche no survivor can receive any more is retained.
 */
export function releaseShares(tranches: Tranche[], projectId: string, policy: EliminationPolicy | 'TERMINATE', survivors: Winner[]): Released {
  const gains: Released['gains'] = new Map();
  let releasedYuan = 0;
  let retainedYuan = 0;
  const next = tranches.map((tranche) => {
    const own = shareOf(tranche, projectId);
    const freed = own.plannedYuan - own.approvedYuan;
    if (freed === 0) return tranche;
    releasedYuan += freed;
    let t = replaceShare(tranche, { ...own, plannedYuan: own.approvedYuan });
    const receivers =
      policy === 'REALLOCATE_TO_SURVIVORS'
        ? [...survivors].sort(byRank).filter((w) => w.projectId !== projectId && shareOf(t, w.projectId).approvedYuan === 0)
        : [];
    if (receivers.length === 0) {
      retainedYuan += freed;
      return { ...t, retainedYuan: t.retainedYuan + freed };
    }
    const parts = splitEqually(freed, receivers.length);
    receivers.forEach((w, k) => {
      const share = shareOf(t, w.projectId);
      const grown = { ...share, plannedYuan: share.plannedYuan + parts[k] };
      t = replaceShare(t, grown);
      if (parts[k] > 0) {
        gains.set(w.projectId, [...(gains.get(w.projectId) ?? []), { milestoneIndex: t.milestoneIndex, addedYuan: parts[k], plannedYuan: grown.plannedYuan }]);
      }
    });
    return t;
  });
  return { tranches: next, releasedYuan, gains, retainedYuan };
}

/** The ledger's law: each tranche is fully accounted for, and no share is paid beyond approval or approved beyond plan. */
export function ledgerViolations(tranches: Tranche[], planYuan: number[]): string[] {
  const problems: string[] = [];
  tranches.forEach((t, i) => {
    const planned = t.shares.reduce((sum, s) => sum + s.plannedYuan, 0);
    if (planned + t.retainedYuan !== planYuan[i]) problems.push(`tranche ${t.milestoneIndex}: ${planned} + ${t.retainedYuan} ≠ ${planYuan[i]}`);
    if (t.retainedYuan < 0) problems.push(`tranche ${t.milestoneIndex}: negative retained`);
    for (const s of t.shares) {
      if (!(s.paidYuan >= 0 && s.paidYuan <= s.approvedYuan && s.approvedYuan <= s.plannedYuan)) {
        problems.push(`tranche ${t.milestoneIndex} project ${s.projectId}: paid ${s.paidYuan}, approved ${s.approvedYuan}, planned ${s.plannedYuan}`);
      }
    }
  });
  return problems;
}
