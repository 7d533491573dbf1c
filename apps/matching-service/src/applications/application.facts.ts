import type { Applicant } from '@jiebang/contracts';
import type { KnownChallenge } from '../challenges/known-challenge.entity';
import type { Application } from './application.entity';

/** The application, its 榜单 and the organisation behind it, as every application fact names them. */
export function applicationRef(a: Application, c: KnownChallenge) {
  return {
    applicantOrgId: a.applicantOrgId,
    applicantName: a.applicantName,
    applicantRole: a.applicantRole,
    profileId: a.profileId,
    challengeId: c.id,
    challengeTitle: c.title,
    enterpriseOrgId: c.enterpriseOrgId,
  };
}

export function applicant(a: Application): Applicant {
  return { applicationId: a.id, applicantOrgId: a.applicantOrgId, applicantName: a.applicantName, applicantRole: a.applicantRole, profileId: a.profileId };
}
