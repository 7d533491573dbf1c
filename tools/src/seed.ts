import { seedChallenges } from './seed/challenges.seed';
import { seedEnterprises } from './seed/enterprises.seed';
import { seedMatching } from './seed/matching.seed';
import { seedNotifications } from './seed/notifications.seed';
import { seedContext, type SeedContext } from './seed/seed-context';
import { seedServiceOrders } from './seed/service-orders.seed';

/**
 * Loads the demo data through the running services' APIs (run by `npm run up` once they are healthy): every object
 * goes through the commands and the Kafka facts a real one would, into every state of both workflows. Each step is
 * idempotent and resumable, so running it again adds nothing twice. Enterprises come before 榜单 and orders (only a
 * verified enterprise may submit); the profiles before both (applicants and teams are matching profiles).
 *
 * `--phase=timers` drives only the objects whose target lies behind a timer with no command (the 公示 period,
 * auto-confirmation, the rating appeal window); `tools/up.sh` runs it while the services run with the short demo
 * timer settings, then restarts them with the normal ones and runs everything else (docs/readme/seeds.md).
 */
export const STEPS: [string, (ctx: SeedContext) => Promise<void>][] = [
  ['notifications', seedNotifications],
  ['enterprises', seedEnterprises],
  ['matching', seedMatching],
  ['challenges', seedChallenges],
  ['service orders', seedServiceOrders],
];

export async function runSeed(ctx: SeedContext): Promise<void> {
  if (process.env.NODE_ENV === 'production') throw new Error('demo seeds are refused when NODE_ENV=production');
  for (const [name, step] of STEPS) {
    try {
      await step(ctx);
    } catch (e) {
      throw new Error(`seed step "${name}" failed: ${(e as Error).message}`);
    }
  }
}

/** One line per workflow: how many objects are in each state now. */
export function summary(ctx: SeedContext): string[] {
  const group = (prefix: string) =>
    [...ctx.tally]
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, n]) => `${k.slice(prefix.length)} ${n}`)
      .join(', ');
  return [`榜单: ${group('challenge:')}`, `service orders: ${group('order:')}`];
}

if (require.main === module) {
  const phase = process.argv.includes('--phase=timers') ? 'timers' : 'all';
  const started = Date.now();
  const ctx = seedContext({ phase });
  runSeed(ctx)
    .then(() => {
      for (const line of summary(ctx)) ctx.log(line);
      ctx.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s (phase ${phase})`);
    })
    .catch((e) => {
      console.error(`[jiebang] ${(e as Error).message}`);
      process.exit(1);
    });
}
