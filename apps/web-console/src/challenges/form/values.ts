import dayjs, { type Dayjs } from 'dayjs';
import { wanToYuan } from '../../api/vocabulary';
import { percentToWeight, type CrossFieldContent } from '../content-rules';
import type { ChallengeDraft } from '../queries';
import type { ChallengeFull, ConfidentialField, EliminationPolicy, IpOwner, Qualification, SolverType } from '../model';

/** The form holds 万元, percents and a date picker's value; the API takes integer yuan, fractions and a date. */
export interface Values {
  title: string;
  description: string;
  indicators: string[];
  keywords: string[];
  fields: string[];
  bountyYuan: number;
  deadline: Dayjs;
  mode: 'SINGLE' | 'HORSE_RACE';
  maxWinners?: number;
  eliminationPolicy?: EliminationPolicy;
  researchContent?: string;
  durationMonths?: number;
  milestones: { title: string; deliverables: string[]; dueOffsetDays: number; trancheYuan: number; midterm?: boolean }[];
  eligibility: { solverTypes: SolverType[]; qualifications: Qualification[]; consortiumAllowed: boolean };
  ipArrangement: { owner: IpOwner; note?: string };
  confidentialFields: ConfidentialField[];
  reviewWeights: { technical: number; team: number; feasibility: number };
  maxRectificationRounds: number;
}

/** Every top-level name the API may name in a 400, for the form to highlight. */
export const FORM_FIELDS = [
  'title', 'description', 'indicators', 'keywords', 'fields', 'bountyYuan', 'deadline', 'deadlineAt', 'mode', 'maxWinners', 'eliminationPolicy',
  'researchContent', 'durationMonths', 'milestones', 'eligibility', 'ipArrangement', 'confidentialFields', 'reviewWeights', 'maxRectificationRounds',
];

export const INITIAL: Partial<Values> = {
  mode: 'SINGLE',
  indicators: [],
  keywords: [],
  fields: [],
  milestones: [],
  eligibility: { solverTypes: ['university', 'institute', 'enterprise', 'team'], qualifications: [], consortiumAllowed: false },
  ipArrangement: { owner: 'NEGOTIATED' },
  confidentialFields: [],
  reviewWeights: { technical: 40, team: 30, feasibility: 30 },
  maxRectificationRounds: 2,
};

const blankToNull = (s: string | undefined | null) => (s && s.trim() ? s : null);

export function toBody(v: Values): ChallengeDraft {
  const race = v.mode === 'HORSE_RACE';
  return {
    title: v.title,
    description: v.description,
    indicators: v.indicators ?? [],
    keywords: v.keywords ?? [],
    fields: (v.fields ?? []) as ChallengeDraft['fields'],
    bountyYuan: wanToYuan(v.bountyYuan),
    deadline: v.deadline.format('YYYY-MM-DD'),
    mode: v.mode,
    maxWinners: race ? (v.maxWinners ?? 2) : 1,
    eliminationPolicy: race ? (v.eliminationPolicy ?? 'REALLOCATE_TO_SURVIVORS') : null,
    researchContent: blankToNull(v.researchContent),
    durationMonths: v.durationMonths ?? null,
    milestones: (v.milestones ?? []).map((m) => ({
      title: m.title,
      deliverables: m.deliverables ?? [],
      dueOffsetDays: m.dueOffsetDays,
      trancheYuan: wanToYuan(m.trancheYuan),
      midterm: Boolean(m.midterm),
    })),
    eligibility: v.eligibility,
    ipArrangement: { owner: v.ipArrangement.owner, note: blankToNull(v.ipArrangement.note) },
    confidentialFields: v.confidentialFields ?? [],
    reviewWeights: {
      technical: percentToWeight(v.reviewWeights.technical),
      team: percentToWeight(v.reviewWeights.team),
      feasibility: percentToWeight(v.reviewWeights.feasibility),
    },
    maxRectificationRounds: v.maxRectificationRounds,
  };
}

export const crossFields = (b: ChallengeDraft): CrossFieldContent => ({
  mode: b.mode ?? 'SINGLE',
  maxWinners: b.maxWinners ?? 1,
  eliminationPolicy: b.eliminationPolicy ?? null,
  bountyYuan: b.bountyYuan,
  milestones: b.milestones ?? [],
  reviewWeights: b.reviewWeights ?? { technical: 0.4, team: 0.3, feasibility: 0.3 },
});

const wan = (yuan: number) => yuan / 10_000;

/** A saved 榜单 back into the form (editing a draft or a returned 榜单). */
export function fromChallenge(c: ChallengeFull): Partial<Values> {
  return {
    title: c.title,
    description: c.description ?? '',
    indicators: c.indicators ?? [],
    keywords: c.keywords,
    fields: c.fields,
    bountyYuan: wan(c.bountyYuan),
    deadline: dayjs(c.deadline),
    mode: c.mode,
    maxWinners: c.maxWinners,
    eliminationPolicy: c.eliminationPolicy ?? undefined,
    researchContent: c.researchContent ?? undefined,
    durationMonths: c.durationMonths ?? undefined,
    milestones: (c.milestones ?? []).map((m) => ({ ...m, trancheYuan: wan(m.trancheYuan) })),
    eligibility: c.eligibility,
    ipArrangement: { owner: c.ipArrangement?.owner ?? 'NEGOTIATED', note: c.ipArrangement?.note ?? undefined },
    confidentialFields: c.confidentialFields,
    reviewWeights: {
      technical: Math.round(c.reviewWeights.technical * 1000) / 10,
      team: Math.round(c.reviewWeights.team * 1000) / 10,
      feasibility: Math.round(c.reviewWeights.feasibility * 1000) / 10,
    },
    maxRectificationRounds: c.maxRectificationRounds,
  };
}
