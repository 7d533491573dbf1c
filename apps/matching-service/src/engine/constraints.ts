import type { CandidateFacts } from './candidate';
import type { Need } from './need';

export type ConstraintRule =
  | 'CONFLICT_SAME_ORG'
  | 'CONFLICT_AFFILIATION'
  | 'CONFLICT_DECLARED'
  | 'SUSPENDED'
  | 'AT_CAPACITY'
  | 'UPHELD_DISPUTE';

/** Why a pair was removed: a stable rule code and a sentence a district officer can read. */
export interface Violation {
  rule: ConstraintRule;
  message: string;
}

/** What the rules need from the need side, prepared once per query (they run on every candidate in the pool). */
export interface ConstraintContext {
  enterpriseOrgId: string | null;
  related: ReadonlySet<string>;
  disputeSince: number;
  disputeWindowDays: number;
}

const DAY = 86_400_000;
const NONE: readonly Violation[] = Object.freeze([]);

export function constraintContext(
  need: Pick<Need, 'enterpriseOrgId' | 'relatedOrgIds'>,
  now: Date,
  disputeWindowDays: number,
): ConstraintContext {
  const related = new Set(need.relatedOrgIds);
  if (need.enterpriseOrgId) related.add(need.enterpriseOrgId);
  return {
    enterpriseOrgId: need.enterpriseOrgId,
    related,
    disputeSince: now.getTime() - disputeWindowDays * DAY,
    disputeWindowDays,
  };
}

/**
 * The hard constraints (ARCHITECTURE §6): any violation removes the pair whatever its score. Every rule that
 * applies is returned, so the explanation names all of them, not only the first.
 */
export function violations(ctx: ConstraintContext, c: CandidateFacts): readonly Violation[] {
  if (!mayViolate(ctx, c)) return NONE;
  const found: Violation[] = [];
  if (ctx.enterpriseOrgId && c.orgId === ctx.enterpriseOrgId) {
    found.push({ rule: 'CONFLICT_SAME_ORG', message: `回避：候选方与需求企业属同一单位（${c.orgName}）` });
  } else {
    const tie = [c.orgId, ...c.affiliations].find((org) => ctx.related.has(org));
    if (tie) found.push({ rule: 'CONFLICT_AFFILIATION', message: `回避：候选方与需求企业存在隶属或关联关系（${tie}）` });
  }
  if (c.suspended) found.push({ rule: 'SUSPENDED', message: '候选方已被暂停，暂停期间不参与匹配' });
  if (c.openLoad >= c.maxLoad) {
    found.push({ rule: 'AT_CAPACITY', message: `负荷已满：在办 ${c.openLoad} 项，上限 ${c.maxLoad} 项` });
  }
  const dispute = c.disputes.find((d) => d.enterpriseOrgId === ctx.enterpriseOrgId && d.upheldAt.getTime() >= ctx.disputeSince);
  if (dispute) {
    const day = dispute.upheldAt.toISOString().slice(0, 10);
    found.push({
      rule: 'UPHELD_DISPUTE',
      message: `与该企业的争议已于 ${day} 被认定，${ctx.disputeWindowDays} 天内不再配对`,
    });
  }
  return found;
}

/** A declared conflict for one pair (batch input): the same shape as the rules' own findings. */
export function declaredConflict(reason?: string): Violation {
  return { rule: 'CONFLICT_DECLARED', message: `回避：已申报的利益冲突${reason ? `（${reason}）` : ''}` };
}

// The fast path: most candidates break no rule, and the pool can hold tens of thousands of them.
function mayViolate(ctx: ConstraintContext, c: CandidateFacts): boolean {
  if (c.suspended || c.openLoad >= c.maxLoad || ctx.related.has(c.orgId)) return true;
  if (c.disputes.length > 0 && ctx.enterpriseOrgId) return true;
  for (const a of c.affiliations) if (ctx.related.has(a)) return true;
  return false;
}
