import { DEFAULT_REVIEW_WEIGHTS, DomainError } from '@jiebang/contracts';
import {
  checkComplete,
  checkContent,
  deadlineDateOf,
  draft,
  draftDistrict,
  edit,
  endOfChinaDay,
  flagVettingOverdue,
  resolveDeadline,
  submit,
  vettingClockAction,
  type ChallengeStatus,
  type DraftContent,
} from './challenge.domain';

const now = new Date('2026-11-27T02:00:00Z');
const actor = { id: 'u-1', role: 'enterprise' as const, orgId: 'org-1' };
const owner = { enterpriseOrgId: 'org-1', enterpriseName: '重庆某企业', districtCode: '500112' };
const profile = { enterpriseName: owner.enterpriseName, districtCode: owner.districtCode };
const content: DraftContent = {
  title: '压铸气孔',
  description: '机加工后出现气孔',
  indicators: [],
  keywords: [],
  fields: ['light-metal'],
  bountyYuan: 100_000,
  deadline: '2027-01-31',
  deadlineAt: new Date('2027-01-31T16:00:00Z'),
  mode: 'SINGLE',
  maxWinners: 1,
  researchContent: null,
  durationMonths: null,
  milestones: [],
  eligibility: { solverTypes: ['university'], qualifications: [], consortiumAllowed: false },
  ipArrangement: { owner: 'NEGOTIATED', note: null },
  reviewWeights: DEFAULT_REVIEW_WEIGHTS,
  confidentialFields: [],
  eliminationPolicy: null,
  maxRectificationRounds: 2,
};
const milestone = (trancheYuan: number, midterm = false) => ({ title: '样件', deliverables: ['报告'], dueOffsetDays: 90, trancheYuan, midterm });

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('challenge domain', () => {
  it('drafts at version 1 and records who created it', () => {
    const { state, transition } = draft('c-1', content, owner, actor, now);
    expect(state).toMatchObject({ id: 'c-1', status: 'DRAFT', version: 1, submittedAt: null, ...owner });
    expect(transition).toMatchObject({ from: null, to: 'DRAFT', actor });
  });

  it('submits a draft: new status, next version, audit of the change', () => {
    const { state } = draft('c-1', content, owner, actor, now);
    const submitted = submit(state, profile, actor, now);
    expect(submitted.state).toMatchObject({ status: 'SUBMITTED', version: 2, submittedAt: now });
    expect(submitted.transition.changes).toEqual({ status: { from: 'DRAFT', to: 'SUBMITTED' } });
  });

  it('takes the enterprise name and district from the profile at submission, and audits the difference', () => {
    const { state } = draft('c-1', content, owner, actor, now);
    const renamed = submit(state, { enterpriseName: '重庆某企业科技股份有限公司', districtCode: '500106' }, actor, now);
    expect(renamed.state).toMatchObject({ enterpriseName: '重庆某企业科技股份有限公司', districtCode: '500106' });
    expect(renamed.transition.changes).toEqual({
      status: { from: 'DRAFT', to: 'SUBMITTED' },
      enterpriseName: { from: '重庆某企业', to: '重庆某企业科技股份有限公司' },
      districtCode: { from: '500112', to: '500106' },
    });
  });

  it('refuses to submit twice with 409 semantics and the current state', () => {
    const once = submit(draft('c-1', content, owner, actor, now).state, profile, actor, now).state;
    const error = refusal(() => submit(once, profile, actor, now));
    expect(error).toMatchObject({ kind: 'conflict', code: 'CHALLENGE_INVALID_STATE', details: { currentState: 'SUBMITTED' } });
    expect(error.message).toContain('已提交');
  });

  it('allows resubmission after the bureau returned it for changes', () => {
    const returned = { ...draft('c-1', content, owner, actor, now).state, status: 'RETURNED' as const, version: 4 };
    expect(submit(returned, profile, actor, now).state).toMatchObject({ status: 'SUBMITTED', version: 5 });
  });

  it.each([
    [{ mode: 'SINGLE', maxWinners: 2 }, 'maxWinners', 'CHALLENGE_WINNERS_MODE_MISMATCH'],
    [{ mode: 'HORSE_RACE', maxWinners: 1 }, 'maxWinners', 'CHALLENGE_WINNERS_MODE_MISMATCH'],
    [{ deadlineAt: now }, 'deadlineAt', 'CHALLENGE_DEADLINE_PAST'],
    [{ eliminationPolicy: 'RETAIN' }, 'eliminationPolicy', 'CHALLENGE_POLICY_MODE_MISMATCH'],
    [{ milestones: [milestone(60_000), milestone(30_000)] }, 'milestones', 'CHALLENGE_SPLIT_MISMATCH'],
    [{ milestones: [milestone(50_000, true), milestone(50_000, true)] }, 'milestones', 'CHALLENGE_MIDTERM_INVALID'],
    [{ mode: 'HORSE_RACE', maxWinners: 2, eliminationPolicy: 'RETAIN', milestones: [milestone(100_000)] }, 'milestones', 'CHALLENGE_MIDTERM_INVALID'],
  ] as const)('rejects %o naming the field at fault', (change, field, code) => {
    const error = refusal(() => checkContent({ ...content, ...change } as DraftContent, now));
    expect(error).toMatchObject({ kind: 'validation', code, details: { field } });
  });

  it('accepts milestones whose tranches add up to the bounty, a horse race with its mid-term milestone', () => {
    const milestones = [milestone(40_000), milestone(60_000, true)];
    expect(() => checkContent({ ...content, milestones }, now)).not.toThrow();
    expect(() => checkContent({ ...content, mode: 'HORSE_RACE', maxWinners: 2, eliminationPolicy: 'RETAIN', milestones }, now)).not.toThrow();
  });

  it('reads a date alone as 24:00 China time that day, and derives that date back from the instant', () => {
    expect(endOfChinaDay('2026-11-28').toISOString()).toBe('2026-11-28T16:00:00.000Z');
    expect(deadlineDateOf(new Date('2026-11-28T16:00:00Z'))).toBe('2026-11-28'); // 24:00 is still the 28th
    expect(deadlineDateOf(new Date('2026-11-28T16:00:00.001Z'))).toBe('2026-11-29');
    expect(resolveDeadline({ deadline: '2026-11-28' })).toMatchObject({ deadline: '2026-11-28', field: 'deadline' });
    expect(resolveDeadline({ deadlineAt: '2026-11-28T18:00:00+08:00' })).toMatchObject({ deadline: '2026-11-28', field: 'deadlineAt' });
    expect(refusal(() => resolveDeadline({ deadline: '2026-11-28', deadlineAt: '2026-11-28T18:00:00+08:00' })).details).toMatchObject({
      field: 'deadlineAt',
    });
  });

  it('judges a deadline date by the clock in Chongqing, not in UTC', () => {
    const { deadlineAt } = resolveDeadline({ deadline: '2026-11-28' });
    expect(() => checkContent({ ...content, deadlineAt }, new Date('2026-11-28T15:59:00Z'))).not.toThrow(); // 23:59 in UTC+8
    expect(refusal(() => checkContent({ ...content, deadlineAt }, new Date('2026-11-28T16:00:00Z'))).code).toBe('CHALLENGE_DEADLINE_PAST');
  });

  it('edits a draft or a returned 榜单 only, auditing each changed field', () => {
    const drafted = draft('c-1', content, owner, actor, now).state;
    const edited = edit(drafted, { title: '新标题', keywords: [] }, actor, now);
    expect(edited.state).toMatchObject({ title: '新标题', version: 2, status: 'DRAFT' });
    expect(edited.transition.changes).toEqual({ title: { from: content.title, to: '新标题' } });
    expect(edit({ ...drafted, status: 'RETURNED' }, { title: 'x' }, actor, now).state.status).toBe('RETURNED');
    const submitted = submit(drafted, profile, actor, now).state;
    expect(refusal(() => edit(submitted, { title: 'x' }, actor, now))).toMatchObject({ kind: 'conflict', details: { currentState: 'SUBMITTED' } });
    expect(refusal(() => edit(drafted, { bountyYuan: 1, milestones: [milestone(2)] }, actor, now)).code).toBe('CHALLENGE_SPLIT_MISMATCH');
  });

  it('requires research content, duration and milestones before vetting can pass the 榜单', () => {
    expect(refusal(() => checkComplete(content)).details).toMatchObject({ field: 'researchContent' });
    expect(refusal(() => checkComplete({ ...content, researchContent: 'x' })).details).toMatchObject({ field: 'durationMonths' });
    expect(refusal(() => checkComplete({ ...content, researchContent: 'x', durationMonths: 12 })).details).toMatchObject({ field: 'milestones' });
    expect(() => checkComplete({ ...content, researchContent: 'x', durationMonths: 12, milestones: [milestone(100_000)] })).not.toThrow();
  });

  it('accepts a horse race with two or three winners', () => {
    expect(() => checkContent({ ...content, mode: 'HORSE_RACE', maxWinners: 3, eliminationPolicy: 'RETAIN' }, now)).not.toThrow();
  });

  describe('the district a draft is filed under', () => {
    it("takes the district given, else the enterprise's registered one", () => {
      expect(draftDistrict('500112', '500112')).toBe('500112');
      expect(draftDistrict(undefined, '500106')).toBe('500106');
      expect(draftDistrict('500112', undefined)).toBe('500112'); // an enterprise registered without a district
    });

    it('requires one, naming the field', () => {
      expect(refusal(() => draftDistrict(undefined, undefined))).toMatchObject({
        kind: 'validation',
        code: 'CHALLENGE_DISTRICT_REQUIRED',
        details: { field: 'districtCode' },
      });
    });

    it("refuses another district than the enterprise's own, saying which one it is registered in", () => {
      expect(refusal(() => draftDistrict('500112', '500106'))).toMatchObject({
        kind: 'validation',
        code: 'CHALLENGE_DISTRICT_MISMATCH',
        details: { field: 'districtCode', registeredDistrict: '500106' },
      });
    });
  });

  describe('vetting clock and its escalation', () => {
    const timer = { id: 'jiebang-timers', role: 'system' as const };
    const later = new Date(now.getTime() + 5 * 86_400_000);
    const submitted = () => submit(draft('c-1', content, owner, actor, now).state, profile, actor, now).state;

    it.each<[ChallengeStatus | null, ChallengeStatus, 'arm' | 'cancel' | null]>([
      ['DRAFT', 'SUBMITTED', 'arm'],
      ['RETURNED', 'SUBMITTED', 'arm'],
      ['SUBMITTED', 'UNDER_VETTING', 'cancel'],
      ['SUBMITTED', 'WITHDRAWN', 'cancel'],
      [null, 'DRAFT', null],
      ['UNDER_VETTING', 'APPROVED', null],
    ])('%s → %s: %s the vetting timer', (from, to, expected) => {
      expect(vettingClockAction({ from, to })).toBe(expected);
    });

    it('flags a challenge still waiting for vetting: a new version, the same status, an escalation in the audit', () => {
      const flagged = flagVettingOverdue(submitted(), timer, later)!;
      expect(flagged.state).toMatchObject({ status: 'SUBMITTED', version: 3, vettingOverdueAt: later });
      expect(flagged.escalation).toMatchObject({
        kind: 'escalation',
        status: 'SUBMITTED',
        actor: timer,
        changes: { vettingOverdueAt: { from: null, to: later.toISOString() } },
      });
    });

    it.each<ChallengeStatus>(['UNDER_VETTING', 'RETURNED', 'WITHDRAWN', 'APPROVED'])('escalates nothing once the challenge is %s', (status) => {
      expect(flagVettingOverdue({ ...submitted(), status }, timer, later)).toBeNull();
    });

    it('escalates once per wait, and a resubmission starts a new wait', () => {
      const flagged = flagVettingOverdue(submitted(), timer, later)!.state;
      expect(flagVettingOverdue(flagged, timer, later)).toBeNull();
      const resubmitted = submit({ ...flagged, status: 'RETURNED' }, profile, actor, later).state;
      expect(resubmitted.vettingOverdueAt).toBeNull();
      expect(flagVettingOverdue(resubmitted, timer, later)).not.toBeNull();
    });
  });
});
