import { z } from 'zod';
import { districtCodeSchema } from '../districts';
import {
  creditCodeShapeSchema,
  ENTERPRISE_QUALIFICATIONS,
  enterpriseQualificationSchema,
  enterpriseStatusSchema,
  enterpriseTypeSchema,
} from '../enterprises';
import { defineEvent } from '../event-definition';

const identity = {
  name: z.string().min(1).max(100),
  creditCode: creditCodeShapeSchema,
  districtCode: districtCodeSchema,
};

/**
 * What other services may know of an enterprise profile: everything but the contacts (people's names and phone
 * numbers stay in challenge-service). `relatedOrgIds` are shareholders, parents and partners: 回避 applies to them.
 */
const snapshot = z.object({
  ...identity,
  type: enterpriseTypeSchema,
  qualifications: z.array(enterpriseQualificationSchema).max(ENTERPRISE_QUALIFICATIONS.length),
  relatedOrgIds: z.array(z.string().min(1).max(100)).max(50),
  status: enterpriseStatusSchema,
});

/** 企业登记档案: an enterprise registered its profile; it waits for its district office's verification (PENDING). */
export const enterpriseRegisteredV1 = defineEvent({
  type: 'enterprise.registered',
  version: 1,
  stream: 'enterprise',
  description: 'An enterprise registered its profile (企业档案); it awaits verification by its district office.',
  data: snapshot,
});

/**
 * The enterprise replaced its profile; `data` is the whole profile after the change. `verificationReset`: the change
 * sent a decided profile back to PENDING (a new name, credit code or district, or a correction after a rejection),
 * so the district office has to verify it again.
 */
export const enterpriseUpdatedV1 = defineEvent({
  type: 'enterprise.updated',
  version: 1,
  stream: 'enterprise',
  description: 'An enterprise changed its profile; verificationReset says whether it must be verified again.',
  data: snapshot.extend({ verificationReset: z.boolean() }),
});

/** 企业认证通过: the district office (or the bureau) verified the profile; the enterprise may now submit. */
export const enterpriseVerifiedV1 = defineEvent({
  type: 'enterprise.verified',
  version: 1,
  stream: 'enterprise',
  description: 'The district office or the bureau verified an enterprise profile.',
  data: z.object({ ...identity, verifiedAt: z.iso.datetime({ offset: true }) }),
});

/** 企业认证未通过: the district office (or the bureau) rejected the profile, with the reason the enterprise is told. */
export const enterpriseVerificationRejectedV1 = defineEvent({
  type: 'enterprise.verification-rejected',
  version: 1,
  stream: 'enterprise',
  description: 'The district office or the bureau rejected the verification of an enterprise profile, with a reason.',
  data: z.object({ ...identity, reason: z.string().min(1).max(500), rejectedAt: z.iso.datetime({ offset: true }) }),
});

/** Every fact on the enterprise stream, for the platform's event catalogue. */
export const ENTERPRISE_EVENTS = [
  enterpriseRegisteredV1,
  enterpriseUpdatedV1,
  enterpriseVerifiedV1,
  enterpriseVerificationRejectedV1,
] as const;
