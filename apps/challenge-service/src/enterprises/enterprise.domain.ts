import {
  DomainError,
  ENTERPRISE_STATUS_LABELS,
  type Actor,
  type EnterpriseQualification,
  type EnterpriseStatus,
  type EnterpriseType,
} from '@jiebang/contracts';

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters of a 31-character alphabet (digits and capitals without I, O, Z, S, V,
 * which read like 1, 0, 2, 5, U); the 18th is a check character over the first 17, with the weights 3^i mod 31.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of 17 characters of the alphabet: 31 − (Σ value × weight mod 31), where 31 is written '0'. */
export function creditCodeCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((s, c, i) => s + CREDIT_CODE_ALPHABET.indexOf(c) * CREDIT_CODE_WEIGHTS[i], 0);
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

function invalidCreditCode(message: string, reason: 'length' | 'character' | 'check'): DomainError {
  return DomainError.invalid('ENTERPRISE_CREDIT_CODE_INVALID', message, 'creditCode', { reason });
}

/** Refuses a code of the wrong length, with a character outside the alphabet, or with a wrong check character. */
export function checkCreditCode(code: string): void {
  if (code.length !== 18) throw invalidCreditCode(`统一社会信用代码须为 18 位，填写的是 ${code.length} 位`, 'length');
  const bad = [...code].findIndex((c) => !CREDIT_CODE_ALPHABET.includes(c));
  if (bad >= 0) {
    throw invalidCreditCode(`统一社会信用代码第 ${bad + 1} 位「${code[bad]}」无效：只能使用数字和大写字母（不含 I、O、Z、S、V）`, 'character');
  }
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) {
    throw invalidCreditCode('统一社会信用代码校验位不正确，请对照营业执照核对后重新填写', 'check');
  }
}

export interface EnterpriseContact {
  name: string;
  title?: string;
  phone: string;
  email?: string;
}

/** What the enterprise itself fills in (企业档案). */
export interface EnterpriseProfile {
  name: string;
  creditCode: string;
  districtCode: string;
  type: EnterpriseType;
  qualifications: EnterpriseQualification[];
  contacts: EnterpriseContact[];
  relatedOrgIds: string[];
}

export interface EnterpriseState extends EnterpriseProfile {
  /** The enterprise's organisation id (the token's `orgId`): one profile per organisation. */
  orgId: string;
  status: EnterpriseStatus;
  /** Aggregate version: bumped by every change and carried as the events' `sequence`. */
  version: number;
  verifiedAt: Date | null;
  /** Why the last verification was refused, while the profile stays REJECTED. */
  rejectionReason: string | null;
}

export type EnterpriseAction = 'register' | 'update' | 'verify' | 'reject';

/** A change as the audit trail records it: who, in which role, why, and the old and new values. */
export interface Transition {
  action: EnterpriseAction;
  from: EnterpriseStatus | null;
  to: EnterpriseStatus;
  actor: Actor;
  reason: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
  at: Date;
}

/** What the district office verified: a new name, credit code or district is another enterprise to vouch for. */
const IDENTITY_FIELDS = ['name', 'creditCode', 'districtCode'] as const;
const PROFILE_FIELDS = [...IDENTITY_FIELDS, 'type', 'qualifications', 'contacts', 'relatedOrgIds'] as const;

function checked(orgId: string, profile: EnterpriseProfile): EnterpriseProfile {
  checkCreditCode(profile.creditCode);
  if (profile.relatedOrgIds.includes(orgId)) {
    throw DomainError.invalid('ENTERPRISE_RELATED_SELF', '关联机构不能包含企业自身', 'relatedOrgIds');
  }
  return {
    ...profile,
    qualifications: [...new Set(profile.qualifications)],
    relatedOrgIds: [...new Set(profile.relatedOrgIds)],
  };
}

export function register(orgId: string, input: EnterpriseProfile, actor: Actor, now: Date) {
  const profile = checked(orgId, input);
  const state: EnterpriseState = { ...profile, orgId, status: 'PENDING', version: 1, verifiedAt: null, rejectionReason: null };
  const transition: Transition = { action: 'register', from: null, to: 'PENDING', actor, reason: null, changes: {}, at: now };
  return { state, transition };
}

/** Key order aside: jsonb hands objects back with their keys reordered. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
}

/** Whether two column values (scalars, dates, jsonb arrays and objects) are the same. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * The enterprise replaces its profile; null when nothing changed. A VERIFIED profile goes back to PENDING when its
 * identity changes (contacts, type, qualifications and related organisations do not touch what was verified). A
 * REJECTED profile goes back to PENDING on any change: editing it is how the enterprise corrects what the office
 * refused (a claimed qualification, say) and asks again — otherwise a rejection could never be answered.
 */
export function replace(state: EnterpriseState, input: EnterpriseProfile, actor: Actor, now: Date) {
  const profile = checked(state.orgId, input);
  const changes: Transition['changes'] = {};
  for (const field of PROFILE_FIELDS) {
    if (!sameValue(state[field], profile[field])) changes[field] = { from: state[field], to: profile[field] };
  }
  if (Object.keys(changes).length === 0) return null;
  const identityChanged = IDENTITY_FIELDS.some((f) => f in changes);
  const verificationReset = (state.status === 'VERIFIED' && identityChanged) || state.status === 'REJECTED';
  const status: EnterpriseStatus = verificationReset ? 'PENDING' : state.status;
  if (verificationReset) changes.status = { from: state.status, to: status };
  const next: EnterpriseState = {
    ...state,
    ...profile,
    status,
    version: state.version + 1,
    verifiedAt: verificationReset ? null : state.verifiedAt,
    rejectionReason: verificationReset ? null : state.rejectionReason,
  };
  const transition: Transition = { action: 'update', from: state.status, to: status, actor, reason: null, changes, at: now };
  return { state: next, transition, verificationReset };
}

function requirePending(state: EnterpriseState, what: string): void {
  if (state.status !== 'PENDING') {
    throw DomainError.invalidState(
      'ENTERPRISE_INVALID_STATE',
      `企业档案当前为「${ENTERPRISE_STATUS_LABELS[state.status]}」，只有待认证的档案可以${what}`,
      state.status,
    );
  }
}

/** 区县科技局认证: the office vouches for the enterprise; from now on it may submit. */
export function verify(state: EnterpriseState, actor: Actor, now: Date) {
  requirePending(state, '认证');
  const next: EnterpriseState = { ...state, status: 'VERIFIED', version: state.version + 1, verifiedAt: now, rejectionReason: null };
  const transition: Transition = {
    action: 'verify',
    from: 'PENDING',
    to: 'VERIFIED',
    actor,
    reason: null,
    changes: { status: { from: 'PENDING', to: 'VERIFIED' } },
    at: now,
  };
  return { state: next, transition };
}

/** 认证退回: the reason is what the enterprise is told to correct. */
export function reject(state: EnterpriseState, reason: string, actor: Actor, now: Date) {
  requirePending(state, '退回');
  const next: EnterpriseState = { ...state, status: 'REJECTED', version: state.version + 1, rejectionReason: reason };
  const transition: Transition = {
    action: 'reject',
    from: 'PENDING',
    to: 'REJECTED',
    actor,
    reason,
    changes: { status: { from: 'PENDING', to: 'REJECTED' } },
    at: now,
  };
  return { state: next, transition };
}

const NOT_VERIFIED: Record<Exclude<EnterpriseStatus, 'VERIFIED'> | 'MISSING', string> = {
  MISSING: '企业尚未登记企业档案：请先登记企业档案，经所在区县科技局认证后再提交',
  PENDING: '企业档案正在等待所在区县科技局认证，认证通过后才能提交',
  REJECTED: '企业档案认证未通过：请按退回意见修改企业档案，重新认证通过后再提交',
};

/** The gate of 榜单 and service-order submission: only a VERIFIED enterprise passes; `MISSING` when it has no profile. */
export function requireVerified<T extends Pick<EnterpriseState, 'status'>>(enterprise: T | null): T {
  if (enterprise?.status === 'VERIFIED') return enterprise;
  const state = enterprise ? (enterprise.status as Exclude<EnterpriseStatus, 'VERIFIED'>) : 'MISSING';
  throw DomainError.invalidState('ENTERPRISE_NOT_VERIFIED', NOT_VERIFIED[state], state);
}
