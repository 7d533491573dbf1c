import type { ChallengeState } from './challenge.domain';

/** The 榜单 and its enterprise as every challenge fact names them (`challengeRefSchema`). */
export function challengeRef(state: ChallengeState) {
  return {
    title: state.title,
    enterpriseOrgId: state.enterpriseOrgId,
    enterpriseName: state.enterpriseName,
    districtCode: state.districtCode,
  };
}

/** The whole content of the published 榜单, confidential fields included (`fullChallengeContentSchema`). */
export function fullContent(state: ChallengeState) {
  return {
    title: state.title,
    description: state.description,
    indicators: state.indicators,
    keywords: state.keywords,
    fields: state.fields,
    bountyYuan: state.bountyYuan,
    deadline: state.deadline,
    mode: state.mode,
    maxWinners: state.maxWinners,
    researchContent: state.researchContent!,
    deadlineAt: state.deadlineAt.toISOString(),
    durationMonths: state.durationMonths!,
    milestones: state.milestones,
    eligibility: state.eligibility,
    ipArrangement: state.ipArrangement,
    reviewWeights: state.reviewWeights,
    confidentialFields: state.confidentialFields,
    eliminationPolicy: state.eliminationPolicy,
    maxRectificationRounds: state.maxRectificationRounds,
  };
}

/** The details a draft may still lack, as the optional fields of `challenge.submitted`. */
export function submittedDetails(state: ChallengeState) {
  return {
    deadlineAt: state.deadlineAt.toISOString(),
    milestones: state.milestones.length > 0 ? state.milestones : undefined,
    researchContent: state.researchContent ?? undefined,
    durationMonths: state.durationMonths ?? undefined,
    eligibility: state.eligibility,
    ipArrangement: state.ipArrangement,
    reviewWeights: state.reviewWeights,
    confidentialFields: state.confidentialFields,
    eliminationPolicy: state.eliminationPolicy,
    maxRectificationRounds: state.maxRectificationRounds,
  };
}
