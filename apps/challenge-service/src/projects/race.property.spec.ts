import fc from 'fast-check';
import { DomainError, type EliminationPolicy } from '@jiebang/contracts';
import * as l from './ledger.domain';
import * as d from './project.domain';
import { ACTOR, newProject, PLAN, T0 } from './project.fixture';

const TRANCHES = PLAN.map((m) => m.trancheYuan);

interface World {
  projects: d.Project[];
  ledger: l.Tranche[];
  policy: EliminationPolicy;
}

type Command =
  | { kind: 'contract' | 'submit' | 'approve' | 'changes' | 'suspend' | 'resume' | 'continue' | 'eliminate' | 'start' | 'pass' | 'fail' | 'terminate'; p: number; n: number }
  | { kind: 'pay'; p: number; n: number; amount: number };

const share = (w: World, id: string, n: number) => w.ledger[n - 1].shares.find((s) => s.projectId === id)!;
const setShare = (w: World, s: l.Share): l.Tranche[] =>
  w.ledger.map((t) => (t.milestoneIndex === s.milestoneIndex ? { ...t, shares: t.shares.map((x) => (x.projectId === s.projectId ? s : x)) } : t));
const owed = (w: World, id: string) => w.ledger.reduce((sum, t) => sum + t.shares.filter((s) => s.projectId === id).reduce((a, s) => a + s.approvedYuan - s.paidYuan, 0), 0);
const survivors = (w: World, except: string) => w.projects.filter((p) => p.project.id !== except && d.isActive(p.project.status)).map((p) => ({ projectId: p.project.id, rank: p.project.rank }));

/** The service's composition of the project machine and the ledger, command by command. */
function apply(w: World, command: Command): World {
  const agg = w.projects[command.p % w.projects.length];
  const id = agg.project.id;
  const current = agg.milestones.find((m) => ['ACTIVE', 'SUBMITTED'].includes(m.status)) ?? agg.milestones.filter((m) => m.status === 'APPROVED')[0] ?? agg.milestones[0];
  const n = command.n || current.index;
  const c = { ...command, n } as Command;
  if (c.kind === 'pay' && c.amount === 0) {
    const s = share(w, id, n);
    c.amount = Math.max(1, s.approvedYuan - s.paidYuan);
  }
  const put = (next: d.Project, ledger = w.ledger): World => ({ ...w, ledger, projects: w.projects.map((p) => (p.project.id === id ? next : p)) });
  switch (c.kind) {
    case 'contract':
      return put(d.contract(agg, T0, ACTOR, T0).next);
    case 'submit':
      return put(d.submitMilestone(agg, c.n, ACTOR, T0).next);
    case 'approve': {
      const next = d.approveMilestone(agg, c.n, ACTOR, T0).next;
      return put(next, setShare(w, l.approveShare(share(w, id, c.n))));
    }
    case 'changes':
      return put(d.requestChanges(agg, c.n, '补充材料', ACTOR, T0).next);
    case 'pay': {
      d.milestoneOf(agg, c.n);
      if (agg.milestones[c.n - 1].status !== 'APPROVED') return put(d.recordPayment(agg, c.n, false, ACTOR, T0).next);
      const paid = l.payShare(share(w, id, c.n), c.amount);
      const ledger = setShare(w, paid);
      const next = d.recordPayment(agg, c.n, paid.paidYuan === paid.approvedYuan, ACTOR, T0).next;
      const closed = d.closeIfSettled(next, owed({ ...w, ledger }, id), ACTOR, T0);
      return put(closed?.next ?? next, ledger);
    }
    case 'suspend':
      return put(d.suspend(agg, '审计', ACTOR, T0).next);
    case 'resume':
      return put(d.resume(agg, '审计完成', ACTOR, T0).next);
    case 'continue':
      return put(d.decideMidterm(agg, 'CONTINUE', survivors(w, id).length, '良好', ACTOR, T0).next);
    case 'eliminate': {
      const next = d.decideMidterm(agg, 'ELIMINATE', survivors(w, id).length, '落后', ACTOR, T0).next;
      return put(next, l.releaseShares(w.ledger, id, w.policy, survivors(w, id)).tranches);
    }
    case 'start':
      return put(d.startAcceptance(agg, ACTOR, T0).next);
    case 'pass': {
      const next = d.decideAcceptance(agg, true, '通过', ACTOR, T0).next;
      return put(d.closeIfSettled(next, owed(w, id), ACTOR, T0)?.next ?? next);
    }
    case 'fail': {
      const next = d.decideAcceptance(agg, false, '未通过', ACTOR, T0).next;
      const ledger = next.project.status === 'TERMINATED' ? l.releaseShares(w.ledger, id, 'TERMINATE', []).tranches : w.ledger;
      return put(next, ledger);
    }
    case 'terminate': {
      const next = d.terminate(agg, 'bureau', '违约', ACTOR, T0).next;
      return put(next, l.releaseShares(w.ledger, id, 'TERMINATE', []).tranches);
    }
  }
}

function illegalities(w: World): string[] {
  const problems = l.ledgerViolations(w.ledger, TRANCHES);
  for (const { project: p, milestones } of w.projects) {
    if (p.status === 'CONTRACTED' || p.status === 'ACCEPTANCE_FAILED') problems.push(`${p.id} rests in ${p.status}`);
    const running = milestones.filter((m) => m.status === 'ACTIVE' || m.status === 'SUBMITTED' || m.status === 'CHANGES_REQUESTED');
    if (running.length > 1) problems.push(`${p.id} runs ${running.length} milestones`);
    if (running.some((m) => m.status === 'CHANGES_REQUESTED')) problems.push(`${p.id} rests in CHANGES_REQUESTED`);
    if (p.status === 'ELIMINATED' && p.mode !== 'HORSE_RACE') problems.push(`${p.id} eliminated outside 赛马制`);
    if (p.rectificationRound > p.maxRectificationRounds + 1) problems.push(`${p.id} rectified too often`);
    for (const m of milestones) {
      const s = share(w, p.id, m.index);
      const approved = m.status === 'APPROVED' || m.status === 'PAID';
      if (approved !== (s.approvedYuan > 0 || (s.plannedYuan === 0 && approved))) problems.push(`${p.id}#${m.index} ${m.status} with approved ${s.approvedYuan}`);
      if (m.status === 'PAID' && s.paidYuan !== s.approvedYuan) problems.push(`${p.id}#${m.index} PAID but owed`);
      if (!d.isActive(p.status) && p.status !== 'CLOSED' && s.plannedYuan !== s.approvedYuan) problems.push(`${p.id}#${m.index} keeps unapproved money after leaving`);
    }
    if (p.status === 'CLOSED' && owed(w, p.id) > 0) problems.push(`${p.id} closed with money owed`);
  }
  if (w.projects.length > 1 && w.projects.every((p) => p.project.status === 'ELIMINATED')) problems.push('every project eliminated');
  return problems;
}

// Weighted so that sequences reach deep states (mid-term, elimination, acceptance, closing) and not only refusals.
const WEIGHTS = { contract: 20, submit: 60, approve: 60, changes: 10, pay: 60, suspend: 5, resume: 10, continue: 15, eliminate: 15, start: 20, pass: 15, fail: 10, terminate: 1 };
const kind = fc.oneof(...Object.entries(WEIGHTS).map(([k, weight]) => ({ arbitrary: fc.constant(k as Command['kind']), weight })));
const command = fc.record({
  kind,
  p: fc.nat(2),
  // 0: the milestone the project is at (running, or last approved for a payment), so most commands are meaningful.
  n: fc.integer({ min: 0, max: 3 }),
  // 0: exactly what is owed on the tranche.
  amount: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 120_000 })),
}) as fc.Arbitrary<Command>;

describe('赛马制 property: random command sequences over 1–3 projects', () => {
  it('never reach an illegal state and always keep the ledger (Σ planned + retained = tranche, 0 ≤ paid ≤ approved ≤ planned)', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.constantFrom<EliminationPolicy>('REALLOCATE_TO_SURVIVORS', 'RETAIN'), fc.array(command, { minLength: 40, maxLength: 200 }), (n, policy, commands) => {
        const mode = n === 1 ? 'SINGLE' : 'HORSE_RACE';
        const projects = Array.from({ length: n }, (_, i) => newProject({ id: `p${i + 1}`, rank: i + 1, mode, eliminationPolicy: n === 1 ? null : policy }));
        const opened = l.openLedger(mode, TRANCHES, projects.map((p) => ({ projectId: p.project.id, rank: p.project.rank })));
        let w: World = { projects, policy, ledger: opened };
        expect(illegalities(w)).toEqual([]);
        for (const c of commands) {
          try {
            w = apply(w, c);
          } catch (e) {
            // A refusal leaves the world as it was; only a DomainError (409, 404, 400) is an acceptable refusal.
            if (!(e instanceof DomainError)) throw e;
          }
          expect(illegalities(w)).toEqual([]);
          w.projects.forEach((p) => reached.add(p.project.status));
          if (w.ledger.some((t, i) => t.shares.some((s, k) => s.plannedYuan > opened[i].shares[k].plannedYuan))) reached.add('reallocated');
          if (w.projects.some((p) => p.project.status === 'ACCEPTED' || p.project.status === 'CLOSED')) reached.add('accepted');
          if (w.ledger.some((t) => t.retainedYuan > 0)) reached.add('retained');
        }
      }),
      { numRuns: 300, seed: 2 }, // a fixed seed: the coverage assertion below must not depend on luck
    );
    // The generator must keep reaching the deep states, or the property would hold vacuously.
    expect([...reached].sort()).toEqual(expect.arrayContaining(['ELIMINATED', 'MIDTERM_REVIEW', 'TERMINATED', 'accepted', 'reallocated', 'retained']));
  });
});
