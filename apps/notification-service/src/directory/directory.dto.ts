import { districtCodeSchema, roleSchema } from '@jiebang/contracts';
import { z } from 'zod';
import { pagingShape } from '../paging';

const emails = z.array(z.email({ message: '邮箱地址格式不正确' })).max(10);

/** PUT /directory/my-organisation: where notices to the caller's audience (organisation × role) are e-mailed. */
export const contactsSchema = z.strictObject({ emails });

/** PUT /directory/me: a person's own address (e.g. an expert, for notices addressed to them). */
export const memberSchema = z.strictObject({
  email: z.email({ message: '邮箱地址格式不正确' }).nullable(),
  name: z.string().min(1).max(60).nullable().default(null),
});

/** PUT /directory/organisations/:id (bureau, admin, seeds). */
export const organisationSchema = z.strictObject({
  name: z.string().min(1).max(120),
  role: roleSchema,
  districtCode: districtCodeSchema.nullable().default(null),
  emails: emails.default([]),
});

export const listOrganisationsSchema = z.strictObject({
  role: roleSchema.optional(),
  districtCode: districtCodeSchema.optional(),
  ...pagingShape(50),
});

export const orgIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,80}$/, '机构编号格式不正确');
