import type { Principal } from '@jiebang/contracts';
import { signDevToken } from '@jiebang/service-kit';
import { DEMO_ORGANISATIONS } from '../demo-organisations';

/** What a seed step gets: the services' base URLs and a way to act as any demo organisation. */
export interface SeedContext {
  urls: { challenge: string; matching: string; notification: string };
  /** A dev token for the first demo organisation with this id (or role). */
  tokenFor(orgIdOrRole: string): Promise<string>;
  call<T = any>(method: string, url: string, token: string, body?: unknown): Promise<{ status: number; body: T }>;
  log(message: string): void;
}

export function seedContext(): SeedContext {
  return {
    urls: {
      challenge: process.env.CHALLENGE_URL ?? 'http://127.0.0.1:3001',
      matching: process.env.MATCHING_URL ?? 'http://127.0.0.1:3002',
      notification: process.env.NOTIFICATION_URL ?? 'http://127.0.0.1:3003',
    },
    async tokenFor(orgIdOrRole) {
      const org = DEMO_ORGANISATIONS.find((o) => o.id === orgIdOrRole) ?? DEMO_ORGANISATIONS.find((o) => o.role === orgIdOrRole);
      if (!org) throw new Error(`no demo organisation ${orgIdOrRole} in seeds/organisations.json`);
      const claims: Principal = {
        sub: `seed-${org.id}`,
        role: org.role,
        orgId: org.id,
        orgName: org.name,
        districtCode: org.districtCode,
        name: `${org.name}（演示）`,
      };
      return signDevToken(claims, { ttlSeconds: 600 });
    },
    async call(method, url, token, body) {
      const res = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    log: (message) => console.log(`[jiebang] seed: ${message}`),
  };
}
