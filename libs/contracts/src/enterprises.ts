import { z } from 'zod';
import { QUALIFICATION_CODES, QUALIFICATIONS, qualificationSchema, type Qualification } from './qualifications';

/** 企业类型, as the enterprise declares it on its profile (企业档案). */
export const ENTERPRISE_TYPES = ['private', 'state-owned', 'foreign', 'joint', 'collective', 'other'] as const;
export type EnterpriseType = (typeof ENTERPRISE_TYPES)[number];
export const enterpriseTypeSchema = z.enum(ENTERPRISE_TYPES);

export const ENTERPRISE_TYPE_LABELS: Record<EnterpriseType, string> = {
  private: '民营企业',
  'state-owned': '国有企业',
  foreign: '外资企业',
  joint: '合资企业',
  collective: '集体企业',
  other: '其他',
};

/** Recognitions an enterprise may hold (one list, `qualifications.ts`); 榜单 eligibility rules and the console read them. */
export const ENTERPRISE_QUALIFICATIONS = QUALIFICATION_CODES;
export type EnterpriseQualification = Qualification;
export const enterpriseQualificationSchema = qualificationSchema;

export const ENTERPRISE_QUALIFICATION_LABELS = Object.fromEntries(QUALIFICATIONS.map((q) => [q.code, q.name])) as Record<
  EnterpriseQualification,
  string
>;

/** Verification of a profile by the district office: only a VERIFIED enterprise may submit 榜单 or service orders. */
export const ENTERPRISE_STATUSES = ['PENDING', 'VERIFIED', 'REJECTED'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];
export const enterpriseStatusSchema = z.enum(ENTERPRISE_STATUSES);

export const ENTERPRISE_STATUS_LABELS: Record<EnterpriseStatus, string> = {
  PENDING: '待认证',
  VERIFIED: '已认证',
  REJECTED: '认证未通过',
};

/**
 * The shape of a 统一社会信用代码 (GB 32100-2015): 18 characters of the code alphabet (digits and capitals without
 * I, O, Z, S, V). Events carry codes the producer has checked in full, check character included (challenge-service's
 * `enterprise.domain.ts`); consumers only need the shape.
 */
export const creditCodeShapeSchema = z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '不是 18 位统一社会信用代码');
