import { DomainError, type Attachment, type Principal } from '@jiebang/contracts';

export const OBJECTION_STATUSES = ['OPEN', 'UPHELD', 'DISMISSED'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

const STATUS_LABELS: Record<ObjectionStatus, string> = { OPEN: '待裁定', UPHELD: '异议成立', DISMISSED: '异议不成立' };

/** An objection (异议) to the 公示 of a 榜单, lodged by someone signed in, decided by the bureau. */
export interface Objection {
  id: string;
  challengeId: string;
  objectorId: string;
  objectorOrgId: string;
  objectorRole: string;
  reasons: string[];
  evidence: Attachment[];
  status: ObjectionStatus;
  lodgedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  decisionReason: string | null;
  /** Upheld: the applications reviewed again. */
  applicationIds: string[];
}

export function lodge(id: string, challengeId: string, by: Principal, reasons: string[], evidence: Attachment[], now: Date): Objection {
  return {
    id,
    challengeId,
    objectorId: by.sub,
    objectorOrgId: by.orgId,
    objectorRole: by.role,
    reasons,
    evidence,
    status: 'OPEN',
    lodgedAt: now,
    decidedAt: null,
    decidedBy: null,
    decisionReason: null,
    applicationIds: [],
  };
}

/** The bureau's decision on an open objection; one decision only (two racing decisions: the second finds it decided). */
export function decide(o: Objection, outcome: 'UPHELD' | 'DISMISSED', reason: string, by: string, now: Date, applicationIds: string[] = []): Objection {
  if (o.status !== 'OPEN') {
    throw DomainError.invalidState('OBJECTION_ALREADY_DECIDED', `该异议已裁定（${STATUS_LABELS[o.status]}）`, o.status);
  }
  return { ...o, status: outcome, decidedAt: now, decidedBy: by, decisionReason: reason, applicationIds };
}

export type ObjectionView = Omit<Objection, 'objectorId' | 'objectorOrgId' | 'objectorRole'> & {
  objectorId: string | null;
  objectorOrgId: string | null;
  objectorRole: string | null;
};

/**
 * Who sees which objections: the bureau (which decides) every one with the objector named; the objector's own
 * organisation its own; the 榜单's enterprise every one, but not who lodged it (so that an applicant or expert can
 * object without fear of the enterprise it may later contract with); anyone else none.
 */
export function visibleTo(objections: readonly Objection[], viewer: Principal, enterpriseOrgId: string): ObjectionView[] {
  if (viewer.role === 'bureau') return [...objections];
  return objections.flatMap((o): ObjectionView[] => {
    if (o.objectorOrgId === viewer.orgId) return [o];
    if (viewer.role === 'enterprise' && viewer.orgId === enterpriseOrgId) return [{ ...o, objectorId: null, objectorOrgId: null, objectorRole: null }];
    return [];
  });
}
