import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Principal, Role } from '@jiebang/contracts';
import { signDevToken } from '@jiebang/service-kit';
import { DEMO_ORGANISATIONS, SEEDS_DIR } from '../demo-organisations';

/** What a seed step gets: the services' base URLs and a way to act as any demo organisation. */
export interface SeedContext {
  urls: { challenge: string; matching: string; notification: string };
  /** Which objects this run drives: `timers` only those whose target lies behind a timer, `all` everything. */
  phase: 'timers' | 'all';
  /** How long to wait for a fact another service publishes (ms); a timer-driven state gets `timerWaitMs`. */
  factWaitMs: number;
  timerWaitMs: number;
  /**
   * A dev token for the first demo organisation with this id (or role), in its role or in `as` (an organisation of
   * another kind that registered a service team acts as a team).
   */
  tokenFor(orgIdOrRole: string, as?: Role): Promise<string>;
  /** A dev token for one person (an expert's sign-in is a person, `sub`, not an organisation). */
  tokenAs(principal: Principal): Promise<string>;
  call<T = any>(method: string, url: string, token: string, body?: unknown): Promise<{ status: number; body: T }>;
  log(message: string): void;
  /** What the run did, for the summary: counters by key. */
  tally: Map<string, number>;
}

interface KnownOrganisation {
  id: string;
  name: string;
  role: Role;
  districtCode: string | null;
}

/**
 * Every organisation a seed may act as: the demo organisations, then the host organisations of the matching
 * candidates (seeds/matching/organisations.json: solvers and teams whose profiles apply and serve).
 */
function knownOrganisations(): KnownOrganisation[] {
  const matching = JSON.parse(readFileSync(resolve(SEEDS_DIR, 'matching/organisations.json'), 'utf8')) as { organisations: KnownOrganisation[] };
  return [...DEMO_ORGANISATIONS, ...matching.organisations];
}

export function seedContext(overrides: Partial<Pick<SeedContext, 'urls' | 'phase' | 'factWaitMs' | 'timerWaitMs' | 'log'>> = {}): SeedContext {
  const organisations = knownOrganisations();
  const cache = new Map<string, string>();
  const sign = async (claims: Principal) => {
    const key = JSON.stringify(claims);
    if (!cache.has(key)) cache.set(key, await signDevToken(claims, { ttlSeconds: 1800 }));
    return cache.get(key)!;
  };
  return {
    urls: overrides.urls ?? {
      challenge: process.env.CHALLENGE_URL ?? 'http://127.0.0.1:3001',
      matching: process.env.MATCHING_URL ?? 'http://127.0.0.1:3002',
      notification: process.env.NOTIFICATION_URL ?? 'http://127.0.0.1:3003',
    },
    phase: overrides.phase ?? 'all',
    factWaitMs: overrides.factWaitMs ?? 30_000,
    timerWaitMs: overrides.timerWaitMs ?? 60_000,
    async tokenFor(orgIdOrRole, as) {
      const org = organisations.find((o) => o.id === orgIdOrRole) ?? organisations.find((o) => o.role === orgIdOrRole);
      if (!org) throw new Error(`no demo organisation ${orgIdOrRole} in seeds/organisations.json or seeds/matching/organisations.json`);
      return sign({
        sub: `seed-${org.id}`,
        role: as ?? org.role,
        orgId: org.id,
        orgName: org.name,
        ...(org.districtCode ? { districtCode: org.districtCode } : {}),
        name: `${org.name}（演示）`,
      } as Principal);
    },
    tokenAs: sign,
    async call(method, url, token, body) {
      const res = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    log: overrides.log ?? ((message) => console.log(`[jiebang] seed: ${message}`)),
    tally: new Map(),
  };
}

/** Polls until `probe` returns a value (not undefined) or the time is up; then undefined. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 300): Promise<T | undefined> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) return undefined;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A call that must succeed: any other status is an error naming what was attempted. */
export async function expectOk<T = any>(ctx: SeedContext, what: string, method: string, url: string, token: string, body?: unknown, ok = [200, 201, 202]): Promise<T> {
  const res = await ctx.call<T>(method, url, token, body);
  if (!ok.includes(res.status)) throw new Error(`${what}: ${method} ${url} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export function count(ctx: SeedContext, key: string, by = 1): void {
  ctx.tally.set(key, (ctx.tally.get(key) ?? 0) + by);
}
