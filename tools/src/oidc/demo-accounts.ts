import { timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { principalClaimsSchema, ROLE_LABELS, type Principal, type Role } from '@jiebang/contracts';
import { z } from 'zod';
import { DEMO_ORGANISATIONS, SEEDS_DIR } from '../demo-organisations';

const fileSchema = z.strictObject({
  $comment: z.string().optional(),
  password: z.string().min(8),
  accounts: z.array(
    z.strictObject({
      username: z.string().regex(/^[a-z][a-z0-9-]*$/),
      name: z.string().min(1),
      title: z.string().min(1),
      orgId: z.string().min(1),
    }),
  ),
});

export interface DemoAccount {
  username: string;
  title: string;
  roleLabel: string;
  /** Exactly the claims the services verify (principalClaimsSchema), `sub` included. */
  claims: Principal;
}

/** Reads `seeds/demo-accounts.json` and joins each sign-in to its demo organisation, failing loudly on a typo. */
export function loadDemoAccounts(file = resolve(SEEDS_DIR, 'demo-accounts.json')): { password: string; accounts: DemoAccount[] } {
  const parsed = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const accounts = parsed.accounts.map((a) => {
    const org = DEMO_ORGANISATIONS.find((o) => o.id === a.orgId);
    if (!org) throw new Error(`demo account ${a.username}: no organisation ${a.orgId} in seeds/organisations.json`);
    const claims = principalClaimsSchema.parse({
      sub: `demo-${a.username}`,
      role: org.role,
      orgId: org.id,
      districtCode: org.districtCode,
      name: a.name,
      orgName: org.name,
    });
    return { username: a.username, title: a.title, roleLabel: ROLE_LABELS[org.role as Role], claims };
  });
  if (new Set(accounts.map((a) => a.username)).size !== accounts.length) throw new Error('demo account usernames must be unique');
  return { password: parsed.password, accounts };
}

/** Constant-time, so the demo password cannot be guessed character by character from response times. */
export function passwordMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
