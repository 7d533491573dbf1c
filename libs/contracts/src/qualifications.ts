import { z } from 'zod';

/**
 * Enterprise qualifications (资质) recognised by the platform: what an enterprise profile declares, and what a 榜单's
 * eligibility may require of an applicant.
 */
export const QUALIFICATIONS = [
  { code: 'tech-sme', name: '科技型中小企业' },
  { code: 'high-tech', name: '高新技术企业' },
  { code: 'specialized-sme', name: '专精特新中小企业' },
  { code: 'little-giant', name: '专精特新“小巨人”企业' },
  { code: 'tech-leader', name: '科技领军企业' },
] as const;

export type Qualification = (typeof QUALIFICATIONS)[number]['code'];
export const QUALIFICATION_CODES = QUALIFICATIONS.map((q) => q.code) as [Qualification, ...Qualification[]];
export const qualificationSchema = z.enum(QUALIFICATION_CODES);
