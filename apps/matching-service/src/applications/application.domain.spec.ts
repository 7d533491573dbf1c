import fc from 'fast-check';
import { DomainError, type Principal } from '@jiebang/contracts';
import * as domain from './application.domain';

const now = new Date('2026-05-01T00:00:00Z');
const open: domain.ChallengeFacts = {
  status: 'PUBLISHED',
  deadlineAt: new Date('2026-06-01T00:00:00Z'),
  eligibility: { solverTypes: ['university', 'institute'], qualifications: ['high-tech'], consortiumAllowed: false },
};
const profile: domain.ApplicantProfile = { kind: 'solver', orgId: 'org-a', orgType: 'university', qualifications: ['high-tech'], withdrawnAt: null };
const proposal = { approach: '方案', members: [{ name: '李', role: '负责人' }], budget: [], timeline: [], consortium: [] };
const solver: Principal = { sub: 'u', role: 'solver', orgId: 'org-a' };
const app = (status: domain.ApplicationStatus): domain.ApplicationState => ({ id: 'a', version: 1, status, applicantOrgId: 'org-a', proposal, submissionCount: 0 });

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
}

describe('application rules', () => {
  it('submits a draft or a returned application of an open 榜单, marking the resubmission', () => {
    expect(domain.submit(app('DRAFT'), open, profile, now)).toMatchObject({ state: { status: 'SUBMITTED', version: 2, submissionCount: 1 }, resubmission: false });
    expect(domain.submit(app('RETURNED'), open, profile, now).resubmission).toBe(true);
  });

  it.each(domain.APPLICATION_STATUSES.filter((s) => s !== 'DRAFT' && s !== 'RETURNED'))('refuses to submit from %s with the state', (status) => {
    expect(codeOf(() => domain.submit(app(status), open, profile, now))).toBe('APPLICATION_INVALID_STATE');
  });

  it('names the eligibility rule broken', () => {
    const e = open.eligibility;
    expect(domain.eligibilityViolation(e, { ...profile, orgType: 'enterprise' }, proposal)?.rule).toBe('solverType');
    expect(domain.eligibilityViolation(e, { ...profile, orgType: null }, proposal)?.rule).toBe('solverType');
    expect(domain.eligibilityViolation(e, { ...profile, qualifications: [] }, proposal)?.rule).toBe('qualifications');
    expect(domain.eligibilityViolation(e, profile, { ...proposal, consortium: [{ orgId: 'b', orgName: 'B', role: '合作' }] })?.rule).toBe('consortium');
    expect(domain.eligibilityViolation(e, profile, proposal)).toBeNull();
    expect(domain.eligibilityViolation(null, { ...profile, orgType: null }, proposal)).toBeNull();
  });

  it('stops edits, submission and withdrawal at the deadline, and submission when the 榜单 is not published', () => {
    const late = new Date('2026-06-01T00:00:00Z');
    expect(codeOf(() => domain.edit(app('SUBMITTED'), {}, open, late))).toBe('APPLICATION_DEADLINE_PASSED');
    expect(codeOf(() => domain.withdraw(app('SUBMITTED'), open, '因故', late))).toBe('APPLICATION_DEADLINE_PASSED');
    expect(codeOf(() => domain.submit(app('DRAFT'), open, profile, late))).toBe('APPLICATION_DEADLINE_PASSED');
    expect(codeOf(() => domain.submit(app('DRAFT'), { ...open, status: 'CLOSED' }, profile, now))).toBe('CHALLENGE_NOT_OPEN');
    // Closed by its deadline: the late applicant is told of the deadline, not merely that the 榜单 is closed.
    expect(codeOf(() => domain.submit(app('DRAFT'), { ...open, status: 'CLOSED' }, profile, late))).toBe('APPLICATION_DEADLINE_PASSED');
    expect(codeOf(() => domain.draft(solver, { ...open, status: 'CLOSED' }, late))).toBe('APPLICATION_DEADLINE_PASSED');
    expect(codeOf(() => domain.draft(solver, { ...open, status: 'APPROVED' }, now))).toBe('CHALLENGE_NOT_OPEN');
    expect(codeOf(() => domain.draft({ ...solver, role: 'expert' }, open, now))).toBe('APPLICATION_FORBIDDEN');
  });

  it('withdraws a draft silently and a submitted one as a fact', () => {
    expect(domain.withdraw(app('DRAFT'), open, '因故', now).announce).toBe(false);
    expect(domain.withdraw(app('SUBMITTED'), open, '因故', now).announce).toBe(true);
    expect(codeOf(() => domain.withdraw(app('QUALIFIED'), open, '因故', now))).toBe('APPLICATION_INVALID_STATE');
  });

  it('decides the formal check of a submitted one only, RETURNED only while it can be corrected', () => {
    expect(domain.formalCheck(app('SUBMITTED'), open, 'QUALIFIED', null, now).state.status).toBe('QUALIFIED');
    expect(codeOf(() => domain.formalCheck(app('SUBMITTED'), open, 'INELIGIBLE', null, now))).toBe('APPLICATION_REASON_REQUIRED');
    expect(codeOf(() => domain.formalCheck(app('SUBMITTED'), { ...open, status: 'CLOSED' }, 'RETURNED', '补', now))).toBe('APPLICATION_DEADLINE_PASSED');
    expect(domain.formalCheck(app('SUBMITTED'), { ...open, status: 'CLOSED' }, 'INELIGIBLE', '不符', now).state.status).toBe('INELIGIBLE');
    expect(codeOf(() => domain.formalCheck(app('DRAFT'), open, 'QUALIFIED', null, now))).toBe('APPLICATION_INVALID_STATE');
  });

  it('ends only an uncorrected RETURNED one at closing', () => {
    expect(domain.closeUncorrected(app('RETURNED'), now)?.transition).toMatchObject({ to: 'INELIGIBLE', reason: '未按期补正' });
    expect(domain.closeUncorrected(app('SUBMITTED'), now)).toBeNull();
  });

  it('never reaches an illegal state under random command sequences', () => {
    const LEGAL: Record<string, domain.ApplicationStatus[]> = {
      DRAFT: ['SUBMITTED', 'WITHDRAWN'],
      SUBMITTED: ['QUALIFIED', 'INELIGIBLE', 'RETURNED', 'WITHDRAWN', 'SUBMITTED'],
      RETURNED: ['SUBMITTED', 'WITHDRAWN', 'INELIGIBLE'],
    };
    const command = fc.oneof(
      fc.constant({ kind: 'submit' as const }),
      fc.constant({ kind: 'edit' as const }),
      fc.constant({ kind: 'withdraw' as const }),
      fc.constant({ kind: 'close' as const }),
      fc.constantFrom(...(['QUALIFIED', 'INELIGIBLE', 'RETURNED'] as const)).map((outcome) => ({ kind: 'check' as const, outcome })),
      fc.boolean().map((late) => ({ kind: 'clock' as const, late })),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
        let s = app('DRAFT');
        let c = { ...open };
        let at = now;
        for (const cmd of commands) {
          const before = s;
          try {
            if (cmd.kind === 'submit') s = domain.submit(s, c, profile, at).state;
            else if (cmd.kind === 'edit') s = domain.edit(s, {}, c, at);
            else if (cmd.kind === 'withdraw') s = domain.withdraw(s, c, '因故', at).state;
            else if (cmd.kind === 'check') s = domain.formalCheck(s, c, cmd.outcome, '理由', at).state;
            else if (cmd.kind === 'close') {
              c = { ...c, status: 'CLOSED' };
              s = domain.closeUncorrected(s, at)?.state ?? s;
            } else at = cmd.late ? new Date('2026-07-01T00:00:00Z') : at;
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            expect(s).toBe(before);
          }
          if (s !== before && s.status !== before.status) expect(LEGAL[before.status] ?? []).toContain(s.status);
          if (domain.TERMINAL.has(before.status)) expect(s.status).toBe(before.status);
          if (c.status === 'CLOSED') expect(s.status).not.toBe('RETURNED');
          expect(s.version).toBeGreaterThanOrEqual(before.version);
        }
      }),
    );
  });
});
