import type { MilestonePlan, ReviewWeights } from './model';

/**
 * The 榜单 rules a request schema cannot express, as the challenge domain checks them (challenge.domain.ts
 * `checkContent`): winners fit the mode, the elimination policy only under 赛马制, Σ tranches = bounty, at most one
 * mid-term milestone (exactly one under 赛马制), review weights summing to 1. Each answer is the service's wording
 * and the field it names, so the form shows the refusal where the service would.
 */
export interface ContentProblem {
  field: 'maxWinners' | 'eliminationPolicy' | 'milestones' | 'reviewWeights';
  message: string;
}

export interface CrossFieldContent {
  mode: 'SINGLE' | 'HORSE_RACE';
  maxWinners: number;
  eliminationPolicy: string | null;
  bountyYuan: number;
  milestones: Pick<MilestonePlan, 'trancheYuan' | 'midterm'>[];
  reviewWeights: ReviewWeights;
}

export function contentProblems(c: CrossFieldContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (c.mode === 'SINGLE' && c.maxWinners !== 1) problems.push({ field: 'maxWinners', message: '单一揭榜模式只能确定 1 个揭榜方' });
  if (c.mode === 'HORSE_RACE' && c.maxWinners < 2) problems.push({ field: 'maxWinners', message: '赛马制须确定 2–3 个并行揭榜方' });
  if (c.mode === 'SINGLE' && c.eliminationPolicy !== null) problems.push({ field: 'eliminationPolicy', message: '淘汰后资金处理方式仅适用于赛马制' });
  if (c.milestones.length > 0) {
    const split = splitOf(c.milestones);
    if (split !== c.bountyYuan) problems.push({ field: 'milestones', message: `各里程碑拨付金额之和（${split} 元）须等于榜单金额（${c.bountyYuan} 元）` });
    const midterms = c.milestones.filter((m) => m.midterm).length;
    if (midterms > 1) problems.push({ field: 'milestones', message: '只能有一个里程碑作为中期评估节点' });
    if (c.mode === 'HORSE_RACE' && midterms === 0) problems.push({ field: 'milestones', message: '赛马制须指定一个里程碑作为中期评估节点' });
  }
  const w = c.reviewWeights;
  if (Math.abs(w.technical + w.team + w.feasibility - 1) >= 1e-9) problems.push({ field: 'reviewWeights', message: '评审权重之和必须为 1' });
  return problems;
}

export const splitOf = (milestones: Pick<MilestonePlan, 'trancheYuan'>[]): number => milestones.reduce((sum, m) => sum + (m.trancheYuan || 0), 0);

/** Percent inputs (40) to the API's fractions (0.4), rounded so 33.3 + 33.3 + 33.4 sums to exactly 1. */
export const percentToWeight = (percent: number): number => Math.round(percent * 100) / 10_000;
