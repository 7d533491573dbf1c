import { chinaDateSchema, districtCodeSchema, fieldCodeSchema } from '@jiebang/contracts';
import { z } from 'zod';

/** The states a published 榜单 goes through; the public listing shows nothing else. */
export const LISTED_STATES = ['PUBLISHED', 'CLOSED', 'UNDER_REVIEW', 'IN_PUBLIC_NOTICE', 'AWARDED', 'FAILED'] as const;

export const publicSearchSchema = z.strictObject({
  /** Chinese keyword(s); whitespace separates terms that must all match. */
  q: z.string().trim().max(100).optional(),
  field: fieldCodeSchema.optional(),
  district: districtCodeSchema.optional(),
  status: z.enum(LISTED_STATES).optional(),
  bountyMin: z.coerce.number().int().nonnegative().optional(),
  bountyMax: z.coerce.number().int().nonnegative().optional(),
  deadlineFrom: chinaDateSchema.optional(),
  deadlineTo: chinaDateSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PublicSearchQuery = z.infer<typeof publicSearchSchema>;
