import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { principalClaimsSchema, ROLES } from '@jiebang/contracts';
import { signDevToken } from '@jiebang/service-kit';
import { z } from 'zod';
import { parseArgs } from './args';
import { DEMO_ORGANISATIONS, SEEDS_DIR } from './demo-organisations';

const USAGE = `usage: npm run -s token -- <account> [--ttl <seconds>]
       npm run -s token -- --role <${ROLES.join('|')}> [--org <orgId>] [--district <code>] [--sub <userId>] [--name <显示名>] [--ttl <seconds>]
Prints a development access token signed with seeds/dev-keys. Refused when NODE_ENV=production.
<account> is a demo sign-in of seeds/demo-accounts.json (yujiang, yubei, casting, kjj, …): its organisation's role and district.
Without --org, the first demo organisation of that role (and district) from seeds/ is used.`;

const accountsSchema = z.object({ accounts: z.array(z.object({ username: z.string(), name: z.string(), orgId: z.string() })) });

/** `npm run -s token -- yujiang`: the same person the console's demo sign-in is, as `--role/--org/--name` flags. */
function accountArgs(username: string): Record<string, string> {
  const { accounts } = accountsSchema.parse(JSON.parse(readFileSync(resolve(SEEDS_DIR, 'demo-accounts.json'), 'utf8')));
  const account = accounts.find((a) => a.username === username);
  const org = account && DEMO_ORGANISATIONS.find((o) => o.id === account.orgId);
  if (!account || !org) throw new Error(`no demo account "${username}" (seeds/demo-accounts.json: ${accounts.map((a) => a.username).join(', ')})`);
  return { role: org.role, org: org.id, sub: `dev-${username}`, name: account.name };
}

async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('the dev token tool is disabled when NODE_ENV=production; use your identity provider');
  }
  const positional = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && (i === 0 || !all[i - 1].startsWith('--')));
  const args = { ...(positional ? accountArgs(positional) : {}), ...parseArgs() };
  if (args.help || typeof args.role !== 'string') {
    console.error(USAGE);
    process.exit(args.help ? 0 : 2);
  }
  const district = typeof args.district === 'string' ? args.district : undefined;
  const org =
    typeof args.org === 'string'
      ? DEMO_ORGANISATIONS.find((o) => o.id === args.org)
      : DEMO_ORGANISATIONS.find((o) => o.role === args.role && (!district || o.districtCode === district));
  const claims = principalClaimsSchema.safeParse({
    sub: typeof args.sub === 'string' ? args.sub : `dev-${args.role}-${org?.id ?? 'user'}`,
    role: args.role,
    orgId: typeof args.org === 'string' ? args.org : org?.id,
    districtCode: district ?? org?.districtCode,
    name: typeof args.name === 'string' ? args.name : `${org?.name ?? args.role}（开发账号）`,
    orgName: org?.name,
  });
  if (!claims.success) {
    console.error(`${z.prettifyError(claims.error)}\n\n${USAGE}`);
    process.exit(2);
  }
  const ttlSeconds = typeof args.ttl === 'string' ? Number(args.ttl) : 12 * 3600;
  const token = await signDevToken(claims.data, { ttlSeconds });
  process.stdout.write(`${token}\n`);
}

main().catch((e) => {
  console.error(`token: ${(e as Error).message}`);
  process.exit(1);
});
