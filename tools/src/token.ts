import { principalClaimsSchema, ROLES } from '@jiebang/contracts';
import { signDevToken } from '@jiebang/service-kit';
import { z } from 'zod';
import { parseArgs } from './args';
import { DEMO_ORGANISATIONS } from './demo-organisations';

const USAGE = `usage: npm run -s token -- --role <${ROLES.join('|')}> [--org <orgId>] [--district <code>] [--sub <userId>] [--name <显示名>] [--ttl <seconds>]
Prints a development access token signed with seeds/dev-keys. Refused when NODE_ENV=production.
Without --org, the first demo organisation of that role (and district) from seeds/ is used.`;

async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('the dev token tool is disabled when NODE_ENV=production; use your identity provider');
  }
  const args = parseArgs();
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
