import { DomainError, type CandidateKind, type Principal, type ProfileContent } from '@jiebang/contracts';
import { CLOCK_SKEW_MS } from '../engine/reputation';

/** A candidate profile as stored: its content plus version, owner, open load and withdrawal. */
export interface ProfileState extends ProfileContent {
  id: string;
  version: number;
  ownerId: string | null;
  openLoad: number;
  withdrawnAt: Date | null;
}

/** Roles that may act on profiles as authorities (register any, suspend, record capacity). */
const AUTHORITIES = new Set(['admin', 'bureau']);

/** The candidate roles and the kind of profile each one manages for itself. */
const SELF_KIND: Partial<Record<Principal['role'], CandidateKind>> = { team: 'team', solver: 'solver', expert: 'expert' };

type Target = Pick<ProfileState, 'kind' | 'orgId' | 'ownerId' | 'districtCode'>;

/**
 * Who may create or change a profile: the municipal bureau and admins any; a district office the teams and solvers
 * of its district; a team or solver its own organisation's profile of its own kind; an expert only its own.
 */
export function canManage(p: Principal, t: Target): boolean {
  if (AUTHORITIES.has(p.role)) return true;
  if (p.role === 'district') return t.kind !== 'expert' && t.districtCode === p.districtCode;
  const kind = SELF_KIND[p.role];
  if (!kind || kind !== t.kind) return false;
  return kind === 'expert' ? t.ownerId === p.sub : t.orgId === p.orgId;
}

/** Suspension is a sanction and open load a fact of the workflow: only authorities and the district set them. */
export function isAuthority(p: Principal, t: Pick<Target, 'districtCode'>): boolean {
  return AUTHORITIES.has(p.role) || (p.role === 'district' && t.districtCode === p.districtCode);
}

/** Rules a schema cannot say: a Chongqing candidate has a district, a Sichuan one has none. */
export function checkContent(c: ProfileContent): void {
  if (c.region === 'chongqing' && !c.districtCode) {
    throw DomainError.invalid('PROFILE_DISTRICT_REQUIRED', '重庆的候选方须填写所在区县代码 districtCode', 'districtCode');
  }
  if (c.region === 'sichuan' && c.districtCode) {
    throw DomainError.invalid('PROFILE_DISTRICT_REGION_MISMATCH', '四川的候选方不填写重庆区县代码，请填写城市 city', 'districtCode');
  }
}

function refuse(): DomainError {
  return DomainError.forbidden('PROFILE_FORBIDDEN', '无权管理该画像');
}

/** Teams, solvers and experts acting on their own profile, as opposed to an authority acting on it. */
function isSelf(p: Principal): boolean {
  return SELF_KIND[p.role] !== undefined;
}

/**
 * 回避 reads the organisation and the declared affiliations, so the candidate must not be able to dodge it: its
 * organisation is the one its identity carries, and only an authority (the bureau, or the district within its
 * scope) may change it or withdraw an affiliation. A candidate may always declare more.
 */
function assertConflictFacts(p: Principal, before: Pick<ProfileState, 'orgId' | 'affiliations' | 'districtCode'>, next: ProfileContent): void {
  if (isAuthority(p, before)) return;
  if (next.orgId !== before.orgId) {
    throw DomainError.forbidden('PROFILE_ORG_FORBIDDEN', `所属单位只能由市科技局或所在区县科技局更正（当前为 ${before.orgId}）`, { field: 'orgId' });
  }
  const removed = before.affiliations.filter((a) => !next.affiliations.includes(a));
  if (removed.length > 0) {
    throw DomainError.forbidden('PROFILE_AFFILIATION_FORBIDDEN', `已申报的关联单位只能由市科技局或所在区县科技局撤销：${removed.join('、')}`, {
      field: 'affiliations',
      removed,
    });
  }
}

/**
 * A new profile. An expert's profile belongs to a person: the expert registering itself owns it; an authority
 * registering an expert names the owner (the expert's user id at the identity provider). A candidate registering
 * itself does so under the organisation its identity carries, and keeps the affiliations already on record for
 * that organisation (or expert): withdrawing and registering again does not shed them.
 */
export function register(
  id: string,
  content: ProfileContent,
  p: Principal,
  openLoad: number,
  ownerId?: string,
  recordedAffiliations: readonly string[] = [],
): ProfileState {
  checkContent(content);
  const owner = content.kind !== 'expert' ? null : AUTHORITIES.has(p.role) ? (ownerId ?? null) : p.sub;
  const affiliations = isSelf(p) ? [...new Set([...content.affiliations, ...recordedAffiliations])] : content.affiliations;
  const state: ProfileState = { ...content, affiliations, id, version: 1, ownerId: owner, openLoad, withdrawnAt: null };
  if (!canManage(p, state)) throw refuse();
  if (isSelf(p) && content.orgId !== p.orgId) {
    throw DomainError.forbidden('PROFILE_ORG_FORBIDDEN', '候选方只能以身份凭证中的本单位登记画像；其他单位由市科技局登记', { field: 'orgId' });
  }
  if (content.suspended && !isAuthority(p, state)) {
    throw DomainError.forbidden('PROFILE_SUSPENSION_FORBIDDEN', '只有市科技局或所在区县科技局可以暂停候选方', { field: 'suspended' });
  }
  return state;
}

/** Replaces the content. The kind never changes (a team does not become an expert); withdrawn profiles are frozen. */
export function update(state: ProfileState, content: ProfileContent, p: Principal): ProfileState {
  if (!canManage(p, state)) throw refuse();
  assertActive(state);
  if (content.kind !== state.kind) {
    throw DomainError.invalid('PROFILE_KIND_IMMUTABLE', `画像类型不可更改（当前为 ${state.kind}）`, 'kind');
  }
  checkContent(content);
  assertConflictFacts(p, state, content);
  const next: ProfileState = { ...state, ...content, version: state.version + 1 };
  if (!canManage(p, next)) throw refuse();
  if (content.suspended !== state.suspended && !isAuthority(p, state)) {
    throw DomainError.forbidden('PROFILE_SUSPENSION_FORBIDDEN', '只有市科技局或所在区县科技局可以暂停或恢复候选方', { field: 'suspended' });
  }
  return next;
}

/** What PUT carries beside the content: the open load (authorities only), the owner and, if new, what is on record. */
export interface PutCommand {
  id: string;
  content: ProfileContent;
  openLoad?: number;
  ownerId?: string;
  /** For a new profile: the affiliations already on record for this candidate (see `register`). */
  recordedAffiliations: readonly string[];
}

/**
 * PUT: registers the profile if it is new (`registered`), replaces its content otherwise; the fact is the whole
 * profile as the registered and updated events carry it.
 */
export function put(current: ProfileState | null, command: PutCommand, p: Principal) {
  const next = current
    ? update(current, command.content, p)
    : register(command.id, command.content, p, 0, command.ownerId, command.recordedAffiliations);
  const state = withOpenLoad(next, command.openLoad, p);
  return { state, registered: current === null, fact: { ...contentOf(state), openLoad: state.openLoad, ...ownerOf(state) } };
}

/** Open load is a fact of the workflow: a PUT may record it only as an authority, unless it leaves it unchanged. */
function withOpenLoad(state: ProfileState, openLoad: number | undefined, p: Principal): ProfileState {
  if (openLoad === undefined || openLoad === state.openLoad) return state;
  if (!isAuthority(p, state)) {
    throw DomainError.forbidden('PROFILE_CAPACITY_FORBIDDEN', '只有市科技局或所在区县科技局可以登记负荷', { field: 'openLoad' });
  }
  return { ...state, openLoad };
}

export function changeCapacity(state: ProfileState, openLoad: number, maxLoad: number, p: Principal) {
  if (!isAuthority(p, state)) throw DomainError.forbidden('PROFILE_CAPACITY_FORBIDDEN', '只有市科技局或所在区县科技局可以登记负荷');
  assertActive(state);
  return { state: { ...state, openLoad, maxLoad, version: state.version + 1 }, fact: { openLoad, maxLoad } };
}

/** A rating or a dispute dated after `now` (beyond the skew) is refused: its decay weight would grow without bound. */
export function isFuture(at: Date, now: Date): boolean {
  return !(at.getTime() <= now.getTime() + CLOCK_SKEW_MS);
}

/** A rating or dispute dated in the future is refused (the HTTP schema says so first, with the field). */
export function assertNotFuture(at: Date, now: Date, field: 'ratedAt' | 'upheldAt'): void {
  if (isFuture(at, now)) {
    throw DomainError.invalid('PROFILE_DATE_IN_FUTURE', `${field === 'ratedAt' ? '评价' : '争议认定'}日期晚于当前时间：${at.toISOString()}`, field);
  }
}

/** Ratings and disputes come from the workflow; until it feeds them, the bureau records them. */
export function assertBureau(p: Principal): void {
  if (!AUTHORITIES.has(p.role)) throw DomainError.forbidden('PROFILE_RECORD_FORBIDDEN', '只有市科技局可以登记评价或争议结论');
}

/** A rating to record (企业评价): dated now unless it says when. */
export interface RatingFacts {
  ratingId: string;
  score: number;
  enterpriseOrgId: string;
  ratedAt?: string;
}

/** A dispute upheld against the candidate: dated now unless it says when. */
export interface DisputeFacts {
  disputeId: string;
  enterpriseOrgId: string;
  reason: string;
  upheldAt?: string;
}

/**
 * Records a rating once: `recorded` says the profile already holds one with this id. The rating moves the
 * profile's version (reputation is part of what ranks it); the fact carries the owner, so the notice reaches that
 * person. Returns the new state, the rating row and the fact.
 */
export function rate(state: ProfileState, rating: RatingFacts, recorded: boolean, now: Date) {
  assertActive(state);
  if (recorded) throw DomainError.invalidState('PROFILE_RATING_EXISTS', '该评价已登记', 'RATED', { field: 'ratingId' });
  const ratedAt = rating.ratedAt ?? now.toISOString();
  assertNotFuture(new Date(ratedAt), now, 'ratedAt');
  return {
    state: { ...state, version: state.version + 1 },
    rating: { ...rating, ratedAt: new Date(ratedAt) },
    fact: { ...rating, ratedAt, ...ownerOf(state) },
  };
}

/** Records an upheld dispute once (`recorded`: already on the profile), like `rate`; it blocks pairing for a while. */
export function upholdDispute(state: ProfileState, dispute: DisputeFacts, recorded: boolean, now: Date) {
  assertActive(state);
  if (recorded) throw DomainError.invalidState('PROFILE_DISPUTE_EXISTS', '该争议结论已登记', 'UPHELD', { field: 'disputeId' });
  const upheldAt = dispute.upheldAt ?? now.toISOString();
  assertNotFuture(new Date(upheldAt), now, 'upheldAt');
  return {
    state: { ...state, version: state.version + 1 },
    dispute: { ...dispute, upheldAt: new Date(upheldAt) },
    fact: { ...dispute, upheldAt, ...ownerOf(state) },
  };
}

export function withdraw(state: ProfileState, p: Principal, reason: string, now: Date) {
  if (!canManage(p, state)) throw refuse();
  assertActive(state);
  return {
    state: { ...state, withdrawnAt: now, version: state.version + 1 },
    fact: { reason, withdrawnAt: now.toISOString(), ...ownerOf(state) },
  };
}

export function assertActive(state: ProfileState): void {
  if (state.withdrawnAt) {
    throw DomainError.invalidState('PROFILE_WITHDRAWN', '该画像已撤销，不能再修改', 'WITHDRAWN');
  }
}

/**
 * The owner as the profile events carry it (`ownerId`, optional): the person owning an expert's profile, so notices
 * about the profile reach that person rather than every expert of the employing organisation. Left out when no
 * person owns it (teams and solvers, an expert registered without naming its owner).
 */
export function ownerOf(s: Pick<ProfileState, 'ownerId'>): { ownerId?: string } {
  return s.ownerId ? { ownerId: s.ownerId } : {};
}

/** The content part of a state (what the registered/updated events carry, beside the open load and the owner). */
export function contentOf(s: ProfileState): ProfileContent {
  return {
    kind: s.kind,
    name: s.name,
    orgId: s.orgId,
    orgName: s.orgName,
    districtCode: s.districtCode,
    region: s.region,
    city: s.city,
    fields: s.fields,
    capabilities: s.capabilities,
    pastWork: s.pastWork,
    keywords: s.keywords,
    maxLoad: s.maxLoad,
    affiliations: s.affiliations,
    suspended: s.suspended,
    willingness: s.willingness,
    ...(s.orgType ? { orgType: s.orgType } : {}),
    qualifications: s.qualifications ?? [],
  };
}
