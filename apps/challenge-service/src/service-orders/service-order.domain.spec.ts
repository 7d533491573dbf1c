import { DomainError, type ServiceOrderContent } from '@jiebang/contracts';
import fc from 'fast-check';
import { applyDispatchFact, type DispatchFact } from './dispatch-facts.domain';
import * as r from './rating.domain';
import * as d from './service-order.domain';

const now = new Date('2026-12-01T02:00:00Z');
const later = new Date('2026-12-20T02:00:00Z');
const enterprise = { id: 'u-1', role: 'enterprise' as const, orgId: 'org-ent' };
const district = { id: 'u-d', role: 'district' as const, orgId: 'org-district-500112' };
const system = { id: 'jiebang-timers', role: 'system' as const };
const owner = { enterpriseOrgId: 'org-ent', enterpriseName: '重庆某企业', districtCode: '500112' };
const team = { profileId: '170d8d42-cc86-575c-80d1-7de9cd1e6cc9', orgId: 'org-team', name: '特派员团' };
const content: ServiceOrderContent = {
  title: '压铸件气孔',
  description: '机加工后出现气孔',
  urgency: 'HIGH',
  serviceMode: 'ON_SITE',
  window: { from: '2026-12-10', to: '2026-12-31' },
  contact: { name: '张工', phone: '13800000000' },
};

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

let seq = 0;
const fact = (type: string, extra: Partial<DispatchFact> = {}): DispatchFact => ({
  type,
  sequence: ++seq,
  actor: district,
  at: now,
  reason: null,
  team,
  ...extra,
});

function walk(...types: string[]): d.ServiceOrderState {
  let s = d.submit(d.draft('o-1', content, owner, enterprise, now).state, owner, enterprise, now).state;
  for (const t of types) {
    const r = applyDispatchFact(s, fact(t));
    if (!r.applied) throw new Error(`${t} not applied to ${s.status}`);
    s = r.state;
  }
  return s;
}
const delivered = () =>
  walk('dispatch.accepted', 'dispatch.recommended', 'dispatch.offered', 'dispatch.team-accepted', 'dispatch.service-started', 'dispatch.delivered');

describe('service order domain', () => {
  it('drafts, edits and submits; a resubmission after a return says so', () => {
    const drafted = d.draft('o-1', content, owner, enterprise, now);
    expect(drafted.state).toMatchObject({ status: 'DRAFT', version: 1, fields: [] });
    const edited = d.edit(drafted.state, { title: '新标题' }, enterprise, now);
    expect(edited.entry).toMatchObject({ kind: 'note', action: 'edit', changes: { title: { from: '压铸件气孔', to: '新标题' } } });
    const submitted = d.submit(edited.state, { enterpriseName: '新名', districtCode: '500112' }, enterprise, now);
    expect(submitted).toMatchObject({ resubmission: false, state: { status: 'SUBMITTED', version: 3, enterpriseName: '新名' } });
    const returned = applyDispatchFact(submitted.state, fact('dispatch.returned', { reason: '请补充' }));
    expect(returned.state.status).toBe('RETURNED');
    expect(d.submit(returned.state, owner, enterprise, now).resubmission).toBe(true);
  });

  it('refuses an inverted window with the field', () => {
    const e = refusal(() => d.draft('o', { ...content, window: { from: '2026-12-31', to: '2026-12-01' } }, owner, enterprise, now));
    expect(e.details).toMatchObject({ field: 'window.to' });
  });

  it('refuses edits and submission once submitted, with the current state', () => {
    const s = walk();
    expect(refusal(() => d.edit(s, { title: 'x' }, enterprise, now)).details).toMatchObject({ currentState: 'SUBMITTED' });
    expect(refusal(() => d.submit(s, owner, enterprise, now)).details).toMatchObject({ currentState: 'SUBMITTED' });
  });

  it('lets the enterprise cancel before service starts, the district until delivery', () => {
    expect(d.cancel(walk('dispatch.accepted'), 'enterprise', '不需要了', enterprise, now).state.status).toBe('CANCELLED');
    const serving = walk('dispatch.accepted', 'dispatch.recommended', 'dispatch.offered', 'dispatch.team-accepted', 'dispatch.service-started');
    expect(refusal(() => d.cancel(serving, 'enterprise', '不需要了', enterprise, now)).details).toMatchObject({ currentState: 'IN_SERVICE' });
    expect(d.cancel(serving, 'district', '企业停产', district, now).state.status).toBe('CANCELLED');
    expect(refusal(() => d.cancel(delivered(), 'district', '晚了', district, now)).details).toMatchObject({ currentState: 'DELIVERED' });
  });

  it('follows dispatch facts: the serving team, the delivery, escalation flags; stale and misfit facts change nothing', () => {
    const s = delivered();
    expect(s).toMatchObject({ status: 'DELIVERED', team, deliveredAt: now });
    const stale = applyDispatchFact(s, { ...fact('dispatch.paused'), sequence: 1 });
    expect(stale).toMatchObject({ applied: false, why: 'stale', state: s });
    const misfit = applyDispatchFact(s, fact('dispatch.paused'));
    expect(misfit).toMatchObject({ applied: false, why: 'not-applicable', state: { status: 'DELIVERED' } });
    expect(misfit.state.dispatchSequence).toBe(seq);

    const offered = walk('dispatch.accepted', 'dispatch.recommended', 'dispatch.offered');
    const noTeam = applyDispatchFact(offered, fact('dispatch.escalated', { escalation: 'no-team-left', reason: '无团队可接' }));
    expect(noTeam).toMatchObject({ applied: true, state: { status: 'DISTRICT_ACCEPTED' }, entry: { kind: 'flag' } });
    const overdue = applyDispatchFact(walk('dispatch.accepted'), fact('dispatch.escalated', { escalation: 'district-overdue' }));
    expect(overdue).toMatchObject({ applied: true, state: { status: 'DISTRICT_ACCEPTED' }, entry: { kind: 'flag', from: 'DISTRICT_ACCEPTED' } });
  });

  it('confirms, or disputes and the district decides', () => {
    expect(d.confirm(delivered(), enterprise, now).state.status).toBe('CONFIRMED');
    const disputed = d.dispute(delivered(), '没解决', enterprise, now);
    expect(disputed.entry).toMatchObject({ kind: 'flag', from: 'DELIVERED', to: 'DELIVERED' });
    expect(refusal(() => d.confirm(disputed.state, enterprise, now)).details).toMatchObject({ currentState: 'DELIVERED' });
    expect(d.remind(disputed.state, system, now)).toBeNull();
    expect(d.autoConfirm(disputed.state, system, now)).toBeNull();
    expect(d.resolveDispute(disputed.state, 'CONFIRM', '已解决', district, now).state).toMatchObject({ status: 'CONFIRMED', disputedAt: null });
    expect(d.resolveDispute(disputed.state, 'RESUME_SERVICE', '继续', district, now).state).toMatchObject({ status: 'IN_SERVICE', disputedAt: null });
    expect(refusal(() => d.resolveDispute(delivered(), 'CONFIRM', 'x', district, now)).details).toMatchObject({ currentState: 'DELIVERED' });
  });

  it('arms the confirmation timers on delivery, cancels them on leaving it or a dispute', () => {
    expect(d.confirmationClockAction({ from: 'IN_SERVICE', to: 'DELIVERED', action: 'dispatch.delivered' })).toBe('arm');
    expect(d.confirmationClockAction({ from: 'DELIVERED', to: 'DELIVERED', action: 'dispute' })).toBe('cancel');
    expect(d.confirmationClockAction({ from: 'DELIVERED', to: 'CONFIRMED', action: 'confirm' })).toBe('cancel');
    expect(d.confirmationClockAction({ from: 'DELIVERED', to: 'DELIVERED', action: 'remind' })).toBeNull();
  });

  it('rates once after confirmation; an appeal once within the window; closes when the window passed and none is open', () => {
    const confirmed = d.autoConfirm(delivered(), system, now)!.state;
    expect(refusal(() => d.rate(delivered(), enterprise, now)).details).toMatchObject({ currentState: 'DELIVERED' });
    const rated = d.rate(confirmed, enterprise, now).state;
    expect(refusal(() => d.rate(rated, enterprise, now)).details).toMatchObject({ currentState: 'RATED' });
    const rating: r.RatingState = { id: 'r', status: 'ACTIVE', appealStatus: null, appealDueAt: later };
    expect(d.close(rated, rating, system, now)).toBeNull();
    expect(d.close(rated, rating, system, later)!.state.status).toBe('CLOSED');
    const appealed = r.appeal(rated, rating, now);
    expect(refusal(() => r.appeal(rated, appealed, now)).details).toMatchObject({ currentState: 'OPEN' });
    expect(d.close(rated, appealed, system, later)).toBeNull();
    expect(refusal(() => r.appeal(rated, rating, later)).code).toBe('RATING_APPEAL_NOT_ALLOWED');
    expect(r.decideAppeal(appealed, true)).toMatchObject({ status: 'VOIDED', appealStatus: 'UPHELD' });
    expect(r.decideAppeal(appealed, false)).toMatchObject({ status: 'ACTIVE', appealStatus: 'DISMISSED' });
    expect(refusal(() => r.decideAppeal(rating, true)).code).toBe('RATING_APPEAL_NOT_OPEN');
  });

  it('never reaches an illegal state under random commands and facts (property)', () => {
    const FACTS = [
      'dispatch.accepted',
      'dispatch.returned',
      'dispatch.rejected',
      'dispatch.recommended',
      'dispatch.offered',
      'dispatch.offer-declined',
      'dispatch.team-accepted',
      'dispatch.service-started',
      'dispatch.paused',
      'dispatch.resumed',
      'dispatch.delivered',
      'dispatch.escalated',
    ];
    const COMMANDS = ['submit', 'edit', 'cancel-e', 'cancel-d', 'confirm', 'dispute', 'resolve-c', 'resolve-r', 'remind', 'auto', 'rate'];
    const step = fc.oneof(fc.constantFrom(...FACTS), fc.constantFrom(...COMMANDS));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.array(fc.boolean(), { maxLength: 40 }), (steps, staleFlags) => {
        let s = d.draft('o', content, owner, enterprise, now).state;
        let dispatchSeq = 0;
        steps.forEach((cmd, i) => {
          const before = s;
          try {
            if (cmd.startsWith('dispatch.')) {
              const stale = staleFlags[i] && dispatchSeq > 0;
              const sequence = stale ? dispatchSeq : ++dispatchSeq;
              s = applyDispatchFact(s, { ...fact(cmd), sequence, escalation: 'no-team-left' }).state;
              if (stale) expect(s).toBe(before);
            } else {
              s = runCommand(s, cmd);
            }
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            expect(e.details).toMatchObject({ currentState: before.status });
            s = before;
          }
          expect(d.SERVICE_ORDER_STATES).toContain(s.status);
          if (d.FINAL_STATES.includes(before.status)) expect(s.status).toBe(before.status);
          expect(s.version).toBeGreaterThanOrEqual(before.version);
          if (s.disputedAt) expect(s.status).toBe('DELIVERED');
          if (['TEAM_ACCEPTED', 'IN_SERVICE', 'WAITING_ENTERPRISE', 'DELIVERED', 'CONFIRMED', 'RATED'].includes(s.status)) expect(s.team).not.toBeNull();
        });
      }),
    );
  });
});

function runCommand(s: d.ServiceOrderState, cmd: string): d.ServiceOrderState {
  switch (cmd) {
    case 'submit':
      return d.submit(s, owner, enterprise, now).state;
    case 'edit':
      return d.edit(s, { title: '改' }, enterprise, now).state;
    case 'cancel-e':
      return d.cancel(s, 'enterprise', '不需要', enterprise, now).state;
    case 'cancel-d':
      return d.cancel(s, 'district', '停产', district, now).state;
    case 'confirm':
      return d.confirm(s, enterprise, now).state;
    case 'dispute':
      return d.dispute(s, '没解决', enterprise, now).state;
    case 'resolve-c':
      return d.resolveDispute(s, 'CONFIRM', '已解决', district, now).state;
    case 'resolve-r':
      return d.resolveDispute(s, 'RESUME_SERVICE', '继续', district, now).state;
    case 'remind':
      return d.remind(s, system, now)?.state ?? s;
    case 'auto':
      return d.autoConfirm(s, system, now)?.state ?? s;
    default:
      return d.rate(s, enterprise, now).state;
  }
}
