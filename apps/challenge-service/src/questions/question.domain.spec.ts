import { DomainError } from '@jiebang/contracts';
import { answer, asSeenBy, checkAsk, type Question } from './question.domain';

const q: Question = {
  id: 'q-1',
  challengeId: 'c-1',
  askerOrgId: 'org-sol',
  askerRole: 'solver',
  question: '？',
  askedAt: new Date('2026-12-01T00:00:00Z'),
  answer: null,
  answeredByRole: null,
  answeredAt: null,
};
const now = new Date('2026-12-02T00:00:00Z');

describe('Q&A rules', () => {
  it('asks only on a PUBLISHED 榜单', () => {
    expect(() => checkAsk('PUBLISHED')).not.toThrow();
    for (const s of ['APPROVED', 'CLOSED', 'AWARDED'] as const) expect(() => checkAsk(s)).toThrow(DomainError);
  });

  it('answers once, from publication to award', () => {
    expect(answer(q, 'CLOSED', '答', 'bureau', now)).toMatchObject({ answer: '答', answeredByRole: 'bureau', answeredAt: now });
    expect(() => answer(q, 'FAILED', '答', 'bureau', now)).toThrow(DomainError);
    expect(() => answer({ ...q, answer: '已答' }, 'PUBLISHED', '答', 'bureau', now)).toThrow(/已答复/);
  });

  it('names the asker to the bureau, the enterprise and the asker only', () => {
    expect(asSeenBy(q, { sub: 'b', role: 'bureau', orgId: 'org-b' }, 'org-ent').askerOrgId).toBe('org-sol');
    expect(asSeenBy(q, { sub: 'e', role: 'enterprise', orgId: 'org-ent' }, 'org-ent').askerOrgId).toBe('org-sol');
    expect(asSeenBy(q, { sub: 's', role: 'solver', orgId: 'org-sol' }, 'org-ent').askerOrgId).toBe('org-sol');
    expect(asSeenBy(q, { sub: 't', role: 'team', orgId: 'org-team' }, 'org-ent')).toMatchObject({ askerOrgId: null, askerRole: null });
  });
});
