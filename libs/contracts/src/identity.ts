import { z } from 'zod';
import { districtCodeSchema } from './districts';
import { roleSchema } from './roles';

/**
 * Claims every access token carries. Services are resource servers: they verify the signature elsewhere
 * and then parse the payload with this schema, so a token without a role or organisation never becomes a principal.
 */
export const principalClaimsSchema = z
  .object({
    sub: z.string().min(1),
    role: roleSchema,
    orgId: z.string().min(1),
    districtCode: districtCodeSchema.optional(),
    /** The person's display name and their organisation's, as the identity provider knows them. */
    name: z.string().optional(),
    orgName: z.string().optional(),
  })
  .refine((c) => c.role !== 'district' || c.districtCode !== undefined, {
    message: '区县科技局账号必须带有区县代码 districtCode',
    path: ['districtCode'],
  });

export type Principal = z.infer<typeof principalClaimsSchema>;
