import { seedChallenges } from './seed/challenges.seed';
import { seedEnterprises } from './seed/enterprises.seed';
import { seedMatching } from './seed/matching.seed';
import { seedNotifications } from './seed/notifications.seed';
import { seedContext, type SeedContext } from './seed/seed-context';

/**
 * Loads the demo data through the running services' APIs (run by `npm run up` once they are healthy).
 * Each step is idempotent, so running it again adds nothing twice. Enterprises come before challenges: only a
 * verified enterprise may submit a 榜单.
 */
const STEPS: [string, (ctx: SeedContext) => Promise<void>][] = [
  ['notifications', seedNotifications],
  ['enterprises', seedEnterprises],
  ['challenges', seedChallenges],
  ['matching', seedMatching],
];

async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production') throw new Error('demo seeds are refused when NODE_ENV=production');
  const ctx = seedContext();
  for (const [name, step] of STEPS) {
    try {
      await step(ctx);
    } catch (e) {
      throw new Error(`seed step "${name}" failed: ${(e as Error).message}`);
    }
  }
}

main().catch((e) => {
  console.error(`[jiebang] ${(e as Error).message}`);
  process.exit(1);
});
