import {
  districtCodeSchema,
  ENTERPRISE_QUALIFICATIONS,
  enterpriseQualificationSchema,
  enterpriseStatusSchema,
  enterpriseTypeSchema,
} from '@jiebang/contracts';
import { z } from 'zod';

export const orgIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,80}$/, '机构编号格式不正确');

const contactSchema = z.strictObject({
  name: z.string().min(1).max(30),
  title: z.string().min(1).max(30).optional(),
  phone: z.string().regex(/^\+?[0-9][0-9 -]{5,18}[0-9]$/, '电话号码格式不正确（如 138-0236-0101 或 023-6786-1234）'),
  email: z.email().optional(),
});

/** PUT /enterprises/me: the whole profile; unknown fields are refused. */
export const enterpriseProfileSchema = z.strictObject({
  name: z.string().min(1).max(100),
  // Only bounded here: the GB 32100 rules (length, alphabet, check character) are the domain's, with their own messages.
  creditCode: z.string().max(40),
  districtCode: districtCodeSchema,
  type: enterpriseTypeSchema,
  qualifications: z.array(enterpriseQualificationSchema).max(ENTERPRISE_QUALIFICATIONS.length).default([]),
  contacts: z.array(contactSchema).min(1).max(10),
  relatedOrgIds: z.array(orgIdSchema).max(50).default([]),
});
export type EnterpriseProfileInput = z.infer<typeof enterpriseProfileSchema>;

export const listEnterprisesSchema = z.strictObject({
  status: enterpriseStatusSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListEnterprisesQuery = z.infer<typeof listEnterprisesSchema>;

export const rejectEnterpriseSchema = z.strictObject({ reason: z.string().trim().min(2).max(500) });
export type RejectEnterpriseInput = z.infer<typeof rejectEnterpriseSchema>;
