import { DomainError } from '@jiebang/contracts';
import type { NoticeMeta } from '../catalogue/notice';
import { checkReplayable, deliveryId, planDeliveries, withoutActor, type Recipient } from './delivery.domain';

const notice: NoticeMeta = {
  id: 'challenge.submitted@v1/bureau',
  category: 'challenge',
  mandatory: false,
  priority: 'normal',
  channels: ['inbox', 'email', 'webhook'],
  template: { title: '', body: '', link: '' },
};
const rendered = { title: '新榜单待论证：气孔', body: '请组织专家论证。', link: '/challenges/c1' };
const source = { id: '6f1c2c1e-0b9a-4c47-9d3e-0d6f7b5a3e21', type: 'challenge.submitted', time: '2026-03-05T01:30:00.000Z' };

function org(overrides: Partial<Recipient> = {}): Recipient {
  return {
    orgId: 'org-bureau',
    userId: null,
    role: 'bureau',
    emails: ['kjj@example.cn'],
    endpoints: [{ id: 'e1', categories: ['challenge'] }],
    preferences: new Map(),
    ...overrides,
  };
}

describe('delivery ids', () => {
  it('are stable, uuid-shaped and differ in every part they are derived from', () => {
    const id = deliveryId(source.id, notice.id, 'org:org-bureau', 'email', null);
    expect(id).toBe(deliveryId(source.id, notice.id, 'org:org-bureau', 'email', null));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const variants = [
      deliveryId('other-event', notice.id, 'org:org-bureau', 'email', null),
      deliveryId(source.id, 'other-notice', 'org:org-bureau', 'email', null),
      deliveryId(source.id, notice.id, 'org:org-other', 'email', null),
      deliveryId(source.id, notice.id, 'org:org-bureau', 'inbox', null),
      deliveryId(source.id, notice.id, 'org:org-bureau', 'email', 'e1'),
    ];
    expect(new Set([id, ...variants]).size).toBe(6);
  });
});

describe('planning deliveries', () => {
  it('plans each channel for each recipient, all pending, with the same ids when planned again', () => {
    const plans = planDeliveries(source, notice, rendered, [org(), org({ orgId: 'org-district-500112', role: 'district', endpoints: [] })]);
    expect(plans.map((p) => [p.recipientOrgId, p.channel, p.status, p.target])).toEqual([
      ['org-bureau', 'inbox', 'pending', null],
      ['org-bureau', 'email', 'pending', null],
      ['org-bureau', 'webhook', 'pending', 'e1'],
      ['org-district-500112', 'inbox', 'pending', null],
      ['org-district-500112', 'email', 'pending', null],
    ]);
    expect(plans.find((p) => p.channel === 'email')?.content).toEqual({ ...rendered, occurredAt: source.time, to: ['kjj@example.cn'] });
    expect(planDeliveries(source, notice, rendered, [org()]).map((p) => p.id)).toEqual(plans.slice(0, 3).map((p) => p.id));
  });

  it('calls only endpoints registered for the notice\'s category, one delivery per endpoint', () => {
    const endpoints = [
      { id: 'e1', categories: ['challenge', 'project'] },
      { id: 'e2', categories: ['service-order'] },
      { id: 'e3', categories: ['challenge'] },
    ];
    const plans = planDeliveries(source, { ...notice, channels: ['webhook'] }, rendered, [org({ endpoints })]);
    expect(plans.map((p) => p.target)).toEqual(['e1', 'e3']);
  });

  it('records an e-mail it cannot send for want of an address as skipped', () => {
    const [plan] = planDeliveries(source, { ...notice, channels: ['email'] }, rendered, [org({ emails: [] })]);
    expect(plan).toMatchObject({ status: 'skipped', reason: 'no-contact' });
  });

  it('suppresses an optional notice turned off, but not a mandatory one', () => {
    const off = org({ preferences: new Map([['challenge/inbox', 'off']]) });
    expect(planDeliveries(source, { ...notice, channels: ['inbox'] }, rendered, [off])[0]).toMatchObject({ status: 'suppressed', reason: 'preference' });
    expect(planDeliveries(source, { ...notice, channels: ['inbox'], mandatory: true }, rendered, [off])[0].status).toBe('pending');
  });

  it('holds a low-priority e-mail for the digest when the organisation chose one', () => {
    const digest = org({ preferences: new Map([['challenge/email', 'digest']]) });
    const [plan] = planDeliveries(source, { ...notice, channels: ['email'], priority: 'low' }, rendered, [digest]);
    expect(plan.status).toBe('digest');
  });

  it('plans an organisation in two roles as two recipients, each with its own endpoints and preferences', () => {
    const team = org({ orgId: 'org-team-casting', role: 'team', endpoints: [{ id: 'e-team', categories: ['challenge'] }] });
    const experts = org({ orgId: 'org-team-casting', role: 'expert', endpoints: [], preferences: new Map([['challenge/inbox', 'off']]) });
    const plans = planDeliveries(source, { ...notice, channels: ['inbox', 'webhook'] }, rendered, [team, experts]);
    expect(plans.map((p) => [p.recipientRole, p.channel, p.status, p.target])).toEqual([
      ['team', 'inbox', 'pending', null],
      ['team', 'webhook', 'pending', 'e-team'],
      ['expert', 'inbox', 'suppressed', null],
    ]);
    expect(new Set(plans.map((p) => p.id)).size).toBe(3);
  });

  it('addresses a person by user id', () => {
    const expert = org({ orgId: null, userId: 'u-exp-1', role: 'expert', endpoints: [] });
    const [plan] = planDeliveries(source, { ...notice, channels: ['inbox'] }, rendered, [expert]);
    expect(plan).toMatchObject({ recipientUserId: 'u-exp-1', recipientOrgId: null, recipientRole: 'expert' });
    expect(plan.id).toBe(deliveryId(source.id, notice.id, 'user:u-exp-1', 'inbox', null));
  });
});

describe('the actor rule', () => {
  it('does not tell an organisation or person of their own act', () => {
    const team = org({ orgId: 'org-team-casting', role: 'team' });
    const expert = org({ orgId: null, userId: 'u-exp-1', role: 'expert' });
    expect(withoutActor([team, expert, org()], { id: 'u-team-1', orgId: 'org-team-casting', role: 'team' })).toEqual([expert, org()]);
    expect(withoutActor([team, expert], { id: 'u-exp-1', orgId: 'org-expert-pool', role: 'expert' })).toEqual([team]);
  });

  it('still tells the acting organisation\'s members in another role: they did not act', () => {
    const team = org({ orgId: 'org-team-casting', role: 'team' });
    const experts = org({ orgId: 'org-team-casting', role: 'expert' });
    expect(withoutActor([team, experts], { id: 'u-exp-2', orgId: 'org-team-casting', role: 'expert' })).toEqual([team]);
  });
});

describe('replay', () => {
  it('is allowed for a parked delivery only, and a refusal names the current state', () => {
    expect(() => checkReplayable('failed')).not.toThrow();
    for (const status of ['pending', 'sent', 'suppressed', 'skipped', 'digest', 'digested'] as const) {
      expect(() => checkReplayable(status)).toThrow(DomainError);
      try {
        checkReplayable(status);
      } catch (e) {
        expect(e).toMatchObject({ kind: 'conflict', code: 'DELIVERY_NOT_PARKED', details: { currentState: status } });
      }
    }
  });
});
