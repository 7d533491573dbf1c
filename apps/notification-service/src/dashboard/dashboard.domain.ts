/**
 * The 驾驶舱's arithmetic: pure functions over the projection's rows (no framework, no I/O). A projected 榜单 or
 * order keeps, per state, the latest time it entered that state (a max-register per column, so facts applied in any
 * order and any number of times give the same row); its current state is the one entered last.
 */

/** The states of a 榜单 the projection tracks, main path first in order, then the side exits. */
export const CHALLENGE_STAGES = [
  { stage: 'SUBMITTED', label: '已提交' },
  { stage: 'UNDER_VETTING', label: '专家论证' },
  { stage: 'APPROVED', label: '待发榜' },
  { stage: 'PUBLISHED', label: '揭榜中' },
  { stage: 'CLOSED', label: '截止' },
  { stage: 'UNDER_REVIEW', label: '评审中' },
  { stage: 'IN_PUBLIC_NOTICE', label: '公示中' },
  { stage: 'AWARDED', label: '已定榜' },
  { stage: 'RETURNED', label: '退回修改' },
  { stage: 'REJECTED', label: '论证驳回' },
  { stage: 'FAILED', label: '流标' },
  { stage: 'WITHDRAWN', label: '撤榜' },
] as const;
export type ChallengeStage = (typeof CHALLENGE_STAGES)[number]['stage'];
const CHALLENGE_MAIN_PATH: ChallengeStage[] = ['SUBMITTED', 'UNDER_VETTING', 'APPROVED', 'PUBLISHED', 'CLOSED', 'UNDER_REVIEW', 'IN_PUBLIC_NOTICE', 'AWARDED'];

/** The states of a service order, in the order of the four steps; `from` is the step whose time a step is measured from. */
export const ORDER_STEPS = [
  { step: 'SUBMITTED', label: '企业下单', from: null },
  { step: 'RETURNED', label: '退回修改', from: null },
  { step: 'REJECTED', label: '不予受理', from: null },
  { step: 'DISTRICT_ACCEPTED', label: '区县受理', from: 'SUBMITTED' },
  { step: 'RECOMMENDED', label: '区县推荐', from: 'DISTRICT_ACCEPTED' },
  { step: 'OFFERED', label: '邀约团队', from: null },
  { step: 'TEAM_ACCEPTED', label: '团队接单', from: 'RECOMMENDED' },
  { step: 'IN_SERVICE', label: '服务中', from: null },
  { step: 'WAITING_ENTERPRISE', label: '等待企业', from: null },
  { step: 'DELIVERED', label: '服务交付', from: 'TEAM_ACCEPTED' },
  { step: 'CONFIRMED', label: '企业确认', from: 'DELIVERED' },
  { step: 'RATED', label: '企业评价', from: 'CONFIRMED' },
  { step: 'CLOSED', label: '已关闭', from: null },
  { step: 'CANCELLED', label: '已取消', from: null },
] as const;
export type OrderStep = (typeof ORDER_STEPS)[number]['step'];

/** When each state was last entered (ISO instant or Date), absent if never. */
export type StateTimes<S extends string> = Partial<Record<S, Date | string | null>>;

const ms = (t: Date | string | null | undefined): number | null => (t == null ? null : new Date(t).getTime());

/**
 * The state entered last. Two states entered at the same instant (one transaction: 推荐 and the first 邀约) resolve
 * to the one later in `order`, which lists states in the order a workflow reaches them.
 */
export function currentState<S extends string>(times: StateTimes<S>, order: readonly S[]): S | null {
  let best: { state: S; at: number; index: number } | null = null;
  order.forEach((state, index) => {
    const at = ms(times[state]);
    if (at === null) return;
    if (!best || at > best.at || (at === best.at && index > best.index)) best = { state, at, index };
  });
  return (best as { state: S } | null)?.state ?? null;
}

/** The median of the values (the mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The 榜单 funnel: how many reached each main-path stage. Reaching a later stage implies the earlier ones, so a 榜单
 * whose earlier facts the projection never saw (history before it existed) still counts at each stage before.
 */
export function challengeFunnel(rows: StateTimes<ChallengeStage>[]): { stage: ChallengeStage; label: string; count: number }[] {
  const furthest = rows.map((r) => CHALLENGE_MAIN_PATH.reduce((acc, stage, i) => (ms(r[stage]) !== null ? i : acc), -1));
  return CHALLENGE_MAIN_PATH.map((stage, i) => ({
    stage,
    label: labelOf(CHALLENGE_STAGES, stage),
    count: furthest.filter((f) => f >= i).length,
  }));
}

/** How many 榜单 are in each state now. */
export function challengeStates(rows: StateTimes<ChallengeStage>[]): { stage: ChallengeStage; label: string; count: number }[] {
  const order = CHALLENGE_STAGES.map((s) => s.stage);
  const now = rows.map((r) => currentState(r, order));
  return CHALLENGE_STAGES.map(({ stage, label }) => ({ stage, label, count: now.filter((s) => s === stage).length }));
}

/** Orders by step: how many are there now, and the median hours from the step before to this one (its last entry). */
export function orderSteps(rows: StateTimes<OrderStep>[]): { step: OrderStep; label: string; count: number; medianHours: number | null; measured: number }[] {
  const order = ORDER_STEPS.map((s) => s.step);
  const now = rows.map((r) => currentState(r, order));
  return ORDER_STEPS.map(({ step, label, from }) => {
    const durations = from === null ? [] : rows.flatMap((r) => {
      const [start, end] = [ms(r[from]), ms(r[step])];
      return start !== null && end !== null && end >= start ? [(end - start) / 3_600_000] : [];
    });
    const m = median(durations);
    return { step, label, count: now.filter((s) => s === step).length, medianHours: m === null ? null : round(m, 2), measured: durations.length };
  });
}

/**
 * The Gini coefficient of a distribution (0: spread evenly, towards 1: all to one); null when there is nothing to
 * spread. Over the teams that could have been recommended, so a team never recommended counts as a 0.
 */
export function gini(values: number[]): number | null {
  const total = values.reduce((a, b) => a + b, 0);
  if (values.length === 0 || total === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const weighted = sorted.reduce((acc, v, i) => acc + (i + 1) * v, 0);
  return round((2 * weighted) / (sorted.length * total) - (sorted.length + 1) / sorted.length, 3);
}

export const RATING_CRITERIA = [
  { criterion: 'response', label: '响应速度' },
  { criterion: 'expertise', label: '专业水平' },
  { criterion: 'effect', label: '服务成效' },
  { criterion: 'attitude', label: '服务态度' },
] as const;
export type RatingCriterion = (typeof RATING_CRITERIA)[number]['criterion'];
export type RatingScores = Record<RatingCriterion, number>;

/** Per criterion: how many ratings gave 1…5 stars, and the mean; the overall mean is over the four criteria. */
export function ratingDistribution(ratings: RatingScores[]) {
  const criteria = RATING_CRITERIA.map(({ criterion, label }) => {
    const stars = [1, 2, 3, 4, 5].map((s) => ({ stars: s, count: ratings.filter((r) => r[criterion] === s).length }));
    return { criterion, label, stars, average: average(ratings.map((r) => r[criterion])) };
  });
  return { count: ratings.length, average: average(ratings.map(meanScore)), criteria };
}

export const meanScore = (r: RatingScores): number => (r.response + r.expertise + r.effect + r.attitude) / 4;

export function average(values: number[]): number | null {
  return values.length === 0 ? null : round(values.reduce((a, b) => a + b, 0) / values.length, 2);
}

/** A China calendar month (YYYY-MM) of an instant, for the bounty by month. */
export function chinaMonth(at: Date | string): string {
  return new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** Committed (awarded bounty) against paid (recorded tranche payments), per month and in total, in yuan. */
export function bountyByMonth(awards: { at: Date | string; yuan: number }[], payments: { at: Date | string; yuan: number }[]) {
  const months = new Map<string, { month: string; committedYuan: number; paidYuan: number }>();
  const of = (at: Date | string) => {
    const month = chinaMonth(at);
    if (!months.has(month)) months.set(month, { month, committedYuan: 0, paidYuan: 0 });
    return months.get(month)!;
  };
  for (const a of awards) of(a.at).committedYuan += a.yuan;
  for (const p of payments) of(p.at).paidYuan += p.yuan;
  const byMonth = [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
  const sum = (k: 'committedYuan' | 'paidYuan') => byMonth.reduce((acc, m) => acc + m[k], 0);
  return { committedYuan: sum('committedYuan'), paidYuan: sum('paidYuan'), byMonth };
}

/** A period of China dates, both ends included, as the instants bounding it ([from 00:00, day after `to` 00:00) CST). */
export function periodBounds(from?: string, to?: string): { from: Date | null; to: Date | null } {
  const start = (date: string) => new Date(`${date}T00:00:00+08:00`);
  return { from: from ? start(from) : null, to: to ? new Date(start(to).getTime() + 86_400_000) : null };
}

function labelOf<T extends { label: string }>(list: readonly (T & Record<string, unknown>)[], key: string): string {
  return list.find((e) => Object.values(e).includes(key))!.label;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
