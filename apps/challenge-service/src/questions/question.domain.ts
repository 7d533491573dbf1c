import { DomainError, type Principal } from '@jiebang/contracts';
import { CHALLENGE_STATE_LABELS, type ChallengeStatus } from '../challenges/challenge.domain';

export interface Question {
  id: string;
  challengeId: string;
  askerOrgId: string;
  askerRole: string;
  question: string;
  askedAt: Date;
  answer: string | null;
  answeredByRole: string | null;
  answeredAt: Date | null;
}

/** Answers are still given after the deadline, through review and award: questions asked in time deserve one. */
const ANSWERABLE: readonly ChallengeStatus[] = ['PUBLISHED', 'CLOSED', 'UNDER_REVIEW', 'IN_PUBLIC_NOTICE', 'AWARDED'];

export function checkAsk(status: ChallengeStatus): void {
  if (status !== 'PUBLISHED') {
    throw DomainError.invalidState('CHALLENGE_INVALID_STATE', `榜单当前为「${CHALLENGE_STATE_LABELS[status]}」，只有揭榜中的榜单可以提问`, status);
  }
}

export function answer(q: Question, status: ChallengeStatus, text: string, role: string, now: Date): Question {
  if (!ANSWERABLE.includes(status)) {
    throw DomainError.invalidState('CHALLENGE_INVALID_STATE', `榜单当前为「${CHALLENGE_STATE_LABELS[status]}」，不能答复问题`, status);
  }
  if (q.answer !== null) throw DomainError.invalidState('QUESTION_ALREADY_ANSWERED', '该问题已答复', 'ANSWERED');
  return { ...q, answer: text, answeredByRole: role, answeredAt: now };
}

/** Askers are anonymous to other solvers: the enterprise, the bureau and the asker's own organisation see who asked. */
export function asSeenBy(q: Question, viewer: Principal, enterpriseOrgId: string): Omit<Question, 'askerOrgId' | 'askerRole'> & { askerOrgId: string | null; askerRole: string | null } {
  const named = viewer.role === 'bureau' || viewer.orgId === enterpriseOrgId || viewer.orgId === q.askerOrgId;
  return named ? q : { ...q, askerOrgId: null, askerRole: null };
}
