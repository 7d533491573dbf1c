import { DomainError } from '@jiebang/contracts';
import * as d from './project.domain';
import { ACTOR, newProject, T0 } from './project.fixture';

const later = (days: number) => new Date(T0.getTime() + days * 86_400_000);
const statusOf = (p: d.Project) => [p.project.status, ...p.milestones.map((m) => m.status)];

function conflict(fn: () => unknown): Record<string, unknown> {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).kind).toBe('conflict');
    return (e as DomainError).details as Record<string, unknown>;
  }
  throw new Error('expected a 409');
}

const running = () => d.contract(newProject(), T0, ACTOR, T0).next;
const approved = (p: d.Project, n: number) => d.approveMilestone(d.submitMilestone(p, n, ACTOR, T0).next, n, ACTOR, T0);
const atMidterm = () => approved(approved(running(), 1).next, 2).next;
const pendingAcceptance = () => approved(d.decideMidterm(atMidterm(), 'CONTINUE', 1, '进展良好', ACTOR, T0).next, 3).next;
const underAcceptance = () => d.startAcceptance(pendingAcceptance(), ACTOR, T0).next;

describe('project and milestone state machines', () => {
  it('creates a project PENDING_CONTRACT with every milestone PLANNED, numbered from 1', () => {
    const p = newProject();
    expect(statusOf(p)).toEqual(['PENDING_CONTRACT', 'PLANNED', 'PLANNED', 'PLANNED']);
    expect(p.milestones.map((m) => m.index)).toEqual([1, 2, 3]);
    expect(p.project.version).toBe(1);
  });

  it('on signing passes CONTRACTED into IN_PROGRESS and runs milestone 1 until contract date + offset', () => {
    const { next, transitions } = d.contract(newProject(), T0, ACTOR, later(1));
    expect(statusOf(next)).toEqual(['IN_PROGRESS', 'ACTIVE', 'PLANNED', 'PLANNED']);
    expect(next.milestones[0].dueAt).toEqual(later(30));
    expect(transitions.map((t) => `${t.from}→${t.to}`)).toEqual(['PENDING_CONTRACT→CONTRACTED', 'CONTRACTED→IN_PROGRESS', 'PLANNED→ACTIVE']);
    expect(next.project.version).toBe(2);
    expect(conflict(() => d.contract(next, T0, ACTOR, T0))).toMatchObject({ currentState: 'IN_PROGRESS' });
  });

  it('replaces the solver of a pending project only', () => {
    const solver = { applicationId: 'a-9', solverOrgId: 'org-9', solverName: '西南大学', solverRole: 'solver' as const, profileId: 'pr-9', rank: 4 };
    const { next, transitions } = d.replaceSolver(newProject(), solver, ACTOR, T0);
    expect(next.project).toMatchObject({ ...solver, status: 'PENDING_CONTRACT', version: 2 });
    expect(transitions[0].changes.solverOrgId).toEqual({ from: 'org-sol', to: 'org-9' });
    expect(conflict(() => d.replaceSolver(running(), solver, ACTOR, T0))).toMatchObject({ currentState: 'IN_PROGRESS' });
  });

  it('submits only the ACTIVE milestone of a running project', () => {
    const p = running();
    expect(statusOf(d.submitMilestone(p, 1, ACTOR, T0).next)).toEqual(['IN_PROGRESS', 'SUBMITTED', 'PLANNED', 'PLANNED']);
    expect(conflict(() => d.submitMilestone(p, 2, ACTOR, T0))).toMatchObject({ currentState: 'PLANNED' });
    expect(conflict(() => d.submitMilestone(newProject(), 1, ACTOR, T0))).toMatchObject({ currentState: 'PENDING_CONTRACT' });
    expect(() => d.submitMilestone(p, 7, ACTOR, T0)).toThrow(expect.objectContaining({ kind: 'not-found' }));
  });

  it('approving runs the next milestone; after the midterm one the project awaits the mid-term review', () => {
    const first = approved(running(), 1);
    expect(statusOf(first.next)).toEqual(['IN_PROGRESS', 'APPROVED', 'ACTIVE', 'PLANNED']);
    expect(first.nextMilestone).toMatchObject({ index: 2, dueAt: later(90) });
    const second = approved(first.next, 2);
    expect(statusOf(second.next)).toEqual(['MIDTERM_REVIEW', 'APPROVED', 'APPROVED', 'PLANNED']);
    expect(second.nextMilestone).toBeNull();
    expect(conflict(() => d.approveMilestone(running(), 1, ACTOR, T0))).toMatchObject({ currentState: 'ACTIVE' });
  });

  it('after the last milestone the project awaits acceptance', () => {
    expect(statusOf(pendingAcceptance())).toEqual(['PENDING_ACCEPTANCE', 'APPROVED', 'APPROVED', 'APPROVED']);
  });

  it('changes requested send the milestone back to ACTIVE with its due date, through CHANGES_REQUESTED', () => {
    const submitted = d.submitMilestone(running(), 1, ACTOR, T0).next;
    const { next, transitions } = d.requestChanges(submitted, 1, '补充检测数据', ACTOR, T0);
    expect(statusOf(next)).toEqual(['IN_PROGRESS', 'ACTIVE', 'PLANNED', 'PLANNED']);
    expect(next.milestones[0].dueAt).toEqual(later(30));
    expect(transitions.map((t) => t.to)).toEqual(['CHANGES_REQUESTED', 'ACTIVE']);
    expect(conflict(() => d.requestChanges(next, 1, '再改', ACTOR, T0))).toMatchObject({ currentState: 'ACTIVE' });
  });

  it('a milestone is PAID only once fully paid, and only after approval', () => {
    const p = approved(running(), 1).next;
    expect(statusOf(d.recordPayment(p, 1, false, ACTOR, T0).next)[1]).toBe('APPROVED');
    const paid = d.recordPayment(p, 1, true, ACTOR, T0).next;
    expect(statusOf(paid)[1]).toBe('PAID');
    expect(conflict(() => d.recordPayment(paid, 1, true, ACTOR, T0))).toMatchObject({ currentState: 'PAID' });
    expect(conflict(() => d.recordPayment(p, 2, true, ACTOR, T0))).toMatchObject({ currentState: 'ACTIVE' });
  });

  it('the review timer flags a submitted milestone once and never approves it', () => {
    const submitted = d.submitMilestone(running(), 1, ACTOR, T0).next;
    const flagged = d.flagReviewOverdue(submitted, ACTOR, later(15))!;
    expect(flagged.decision.next.milestones[0]).toMatchObject({ status: 'SUBMITTED', reviewOverdueAt: later(15) });
    expect(flagged.decision.transitions[0].kind).toBe('escalation');
    expect(d.flagReviewOverdue(flagged.decision.next, ACTOR, later(16))).toBeNull();
    expect(d.flagReviewOverdue(running(), ACTOR, later(16))).toBeNull();
    const reviewed = d.approveMilestone(flagged.decision.next, 1, ACTOR, later(17)).next;
    expect(reviewed.milestones[0].reviewOverdueAt).toBeNull();
  });

  it('mid-term: CONTINUE runs the next milestone; ELIMINATE only under 赛马制 and never the last active one', () => {
    const mid = atMidterm();
    const cont = d.decideMidterm(mid, 'CONTINUE', 0, '进展良好', ACTOR, T0);
    expect(statusOf(cont.next)).toEqual(['IN_PROGRESS', 'APPROVED', 'APPROVED', 'ACTIVE']);
    expect(d.decideMidterm(mid, 'ELIMINATE', 1, '进度落后', ACTOR, T0).next.project.status).toBe('ELIMINATED');
    expect(conflict(() => d.decideMidterm(mid, 'ELIMINATE', 0, '进度落后', ACTOR, T0))).toMatchObject({ currentState: 'MIDTERM_REVIEW' });
    const single = { ...mid, project: { ...mid.project, mode: 'SINGLE' as const } };
    expect(() => d.decideMidterm(single, 'ELIMINATE', 1, '进度落后', ACTOR, T0)).toThrow(expect.objectContaining({ code: 'PROJECT_ELIMINATION_NOT_HORSE_RACE' }));
    expect(conflict(() => d.decideMidterm(running(), 'CONTINUE', 1, '进展良好', ACTOR, T0))).toMatchObject({ currentState: 'IN_PROGRESS' });
  });

  it('suspends and resumes a running project; nothing is submitted while suspended', () => {
    const suspended = d.suspend(running(), '经费审计', ACTOR, T0).next;
    expect(suspended.project.status).toBe('SUSPENDED');
    expect(conflict(() => d.submitMilestone(suspended, 1, ACTOR, T0))).toMatchObject({ currentState: 'SUSPENDED' });
    expect(conflict(() => d.suspend(suspended, '再次', ACTOR, T0))).toMatchObject({ currentState: 'SUSPENDED' });
    expect(d.resume(suspended, '审计完成', ACTOR, T0).next.project.status).toBe('IN_PROGRESS');
    expect(conflict(() => d.resume(running(), '审计完成', ACTOR, T0))).toMatchObject({ currentState: 'IN_PROGRESS' });
  });

  it('acceptance: start from PENDING_ACCEPTANCE, pass → ACCEPTED, close once nothing is owed', () => {
    expect(conflict(() => d.startAcceptance(running(), ACTOR, T0))).toMatchObject({ currentState: 'IN_PROGRESS' });
    const accepted = d.decideAcceptance(underAcceptance(), true, '达到指标', ACTOR, T0);
    expect(accepted).toMatchObject({ outcome: 'accepted', next: { project: { status: 'ACCEPTED' } } });
    expect(d.closeIfSettled(accepted.next, 10, ACTOR, T0)).toBeNull();
    expect(d.closeIfSettled(accepted.next, 0, ACTOR, T0)!.next.project.status).toBe('CLOSED');
    expect(d.closeIfSettled(underAcceptance(), 0, ACTOR, T0)).toBeNull();
    expect(conflict(() => d.decideAcceptance(pendingAcceptance(), true, '达到指标', ACTOR, T0))).toMatchObject({ currentState: 'PENDING_ACCEPTANCE' });
  });

  it('failed acceptance goes to rectification within the rounds, then terminates (two events)', () => {
    const first = d.decideAcceptance(underAcceptance(), false, '指标未达到', ACTOR, T0);
    expect(first.outcome).toBe('rectification');
    expect(first.transitions.map((t) => t.to)).toEqual(['ACCEPTANCE_FAILED', 'RECTIFICATION']);
    expect(first.next.project.rectificationRound).toBe(1);
    const again = d.startAcceptance(first.next, ACTOR, T0).next;
    const last = d.decideAcceptance(again, false, '仍未达到', ACTOR, T0);
    expect(last.outcome).toBe('terminated');
    expect(last.transitions.map((t) => t.to)).toEqual(['ACCEPTANCE_FAILED', 'TERMINATED']);
    expect(last.next.project.version).toBe(again.project.version + 2);
  });

  it('terminates any running state, never a final or accepted one; forfeiture only before signing', () => {
    for (const p of [newProject(), running(), atMidterm(), underAcceptance()]) {
      expect(d.terminate(p, 'bureau', '违约', ACTOR, T0).next.project.status).toBe('TERMINATED');
    }
    const terminated = d.terminate(running(), 'bureau', '违约', ACTOR, T0).next;
    expect(conflict(() => d.terminate(terminated, 'bureau', '违约', ACTOR, T0))).toMatchObject({ currentState: 'TERMINATED' });
    const accepted = d.decideAcceptance(underAcceptance(), true, '达到指标', ACTOR, T0).next;
    expect(conflict(() => d.terminate(accepted, 'bureau', '违约', ACTOR, T0))).toMatchObject({ currentState: 'ACCEPTED' });
    expect(d.terminate(newProject(), 'forfeited', '未签约', ACTOR, T0).next.project.status).toBe('TERMINATED');
    expect(conflict(() => d.terminate(running(), 'forfeited', '未签约', ACTOR, T0))).toMatchObject({ currentState: 'IN_PROGRESS' });
  });
});
