import type { Proposal } from '@jiebang/contracts';

/**
 * 回避 for one application: the enterprise (the engine adds it) and its related organisations, the applicant, the
 * applicant's declared affiliations and every consortium member. An expert tied to any of them gets no edge.
 */
export function avoidedOrgs(
  challenge: { enterpriseRelatedOrgIds: string[] },
  application: { applicantOrgId: string; proposal: Proposal },
  applicantAffiliations: readonly string[],
): string[] {
  return [
    ...new Set([
      ...challenge.enterpriseRelatedOrgIds,
      application.applicantOrgId,
      ...applicantAffiliations,
      ...application.proposal.consortium.map((m) => m.orgId),
    ]),
  ];
}

/** What an expert is matched on: the 榜单's technical problem and the applicant's approach. */
export function reviewItemText(challenge: { description: string; indicators: string[] }, proposal: Proposal): string {
  return [challenge.description, ...challenge.indicators, proposal.approach].join('。').slice(0, 8000);
}
