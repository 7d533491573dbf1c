import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { districtCodeSchema, roleSchema } from '@jiebang/contracts';
import { z } from 'zod';

export const SEEDS_DIR = resolve(__dirname, '../../seeds');

const organisationSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  role: roleSchema,
  districtCode: districtCodeSchema,
  email: z.email(),
});
export type DemoOrganisation = z.infer<typeof organisationSchema>;

/** `seeds/organisations.json`, validated, so a typo in demo data fails loudly at the first command. */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = z
  .object({ organisations: z.array(organisationSchema) })
  .parse(JSON.parse(readFileSync(resolve(SEEDS_DIR, 'organisations.json'), 'utf8'))).organisations;
