import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SEEDS_DIR } from '../demo-organisations';
import { count, expectOk, waitFor, type SeedContext } from './seed-context';

interface DemoOrder {
  enterpriseOrgId: string;
  target: string;
  phase?: 'timers';
  returnReason?: string;
  rejectReason?: string;
  cancelReason?: string;
  cancelAt?: string;
  cancelBy?: 'enterprise' | 'district';
  declines?: number;
  records?: Record<string, unknown>[];
  waitReason?: string;
  summary?: string;
  dispute?: string;
  autoConfirm?: boolean;
  rating?: Record<string, unknown>;
  appeal?: string;
  content: Record<string, unknown> & { title: string };
}

interface OrderView {
  id: string;
  status: string;
  disputedAt?: string | null;
  team?: { profileId: string; orgId: string; name: string } | null;
}

/**
 * Demo service orders from seeds/service-orders.json, each driven to its `target` through both services the way a
 * real order travels: the enterprise places it (challenge-service); matching-service opens the Dispatch from
 * `service-order.submitted`; the district office of the enterprise's district accepts, returns or rejects, ranks the
 * teams (the recorded matching run) and recommends the best ranked; the teams decline or accept, start, log their
 * work, wait for the enterprise and deliver; challenge-service follows the dispatch facts; the enterprise disputes,
 * confirms and rates; the team appeals a rating. Auto-confirmation and the close after the appeal window are timers:
 * waited for (`timerWaitMs`) and, with the normal working-day settings, left at DELIVERED / RATED and said so.
 *
 * Resumable and idempotent like the 榜单: an order is known by its title (per enterprise) and every step starts from
 * the state the services report.
 */
export async function seedServiceOrders(ctx: SeedContext): Promise<void> {
  const { orders } = JSON.parse(readFileSync(resolve(SEEDS_DIR, 'service-orders.json'), 'utf8')) as { orders: DemoOrder[] };
  const wanted = orders.filter((o) => ctx.phase === 'all' || o.phase === 'timers');
  const driver = new OrderDriver(ctx);
  let created = 0;
  for (const demo of wanted) {
    const { id, isNew } = await driver.ensure(demo);
    if (isNew) created++;
    const reached = await driver.drive(demo, id);
    if (reached !== demo.target) ctx.log(`service orders: "${demo.content.title}" left in ${reached} (target ${demo.target}): ${driver.why ?? ''}`);
    count(ctx, `order:${reached}`);
  }
  ctx.log(`service orders: ${created} created, ${wanted.length - created} already there`);
}

/** The main line of the order's states, in order (the side exits RETURNED, REJECTED and CANCELLED are not on it). */
const FLOW = ['DRAFT', 'SUBMITTED', 'DISTRICT_ACCEPTED', 'RECOMMENDED', 'OFFERED', 'TEAM_ACCEPTED', 'IN_SERVICE', 'WAITING_ENTERPRISE', 'DELIVERED', 'CONFIRMED', 'RATED', 'CLOSED'];

class OrderDriver {
  private readonly so: string;
  private readonly di: string;
  why: string | undefined;

  constructor(private readonly ctx: SeedContext) {
    this.so = `${ctx.urls.challenge}/api/v1/service-orders`;
    this.di = `${ctx.urls.matching}/api/v1/dispatches`;
  }

  async ensure(demo: DemoOrder): Promise<{ id: string; isNew: boolean }> {
    const token = await this.ctx.tokenFor(demo.enterpriseOrgId);
    const existing = await expectOk<{ items: { id: string; title: string }[] }>(this.ctx, 'listing orders', 'GET', `${this.so}?pageSize=100`, token);
    const found = existing.items.find((o) => o.title === demo.content.title);
    if (found) return { id: found.id, isNew: false };
    const draft = await expectOk<{ id: string }>(this.ctx, `placing "${demo.content.title}"`, 'POST', this.so, token, demo.content);
    return { id: draft.id, isNew: true };
  }

  private async order(demo: DemoOrder, id: string): Promise<OrderView> {
    return expectOk<OrderView>(this.ctx, 'reading an order', 'GET', `${this.so}/${id}`, await this.ctx.tokenFor(demo.enterpriseOrgId));
  }

  /** Waits for challenge-service to leave `from` (a dispatch fact or a timer); the new status, or `from`. */
  private async leave(demo: DemoOrder, id: string, from: string, ms: number, why: string): Promise<string> {
    const next = await waitFor(async () => {
      const s = (await this.order(demo, id)).status;
      return s === from ? undefined : s;
    }, ms);
    if (!next) this.why = why;
    return next ?? from;
  }

  async drive(demo: DemoOrder, id: string): Promise<string> {
    this.why = undefined;
    const ent = await this.ctx.tokenFor(demo.enterpriseOrgId);
    const code = (await expectOk<{ profile?: { districtCode: string }; districtCode?: string }>(this.ctx, 'enterprise', 'GET', `${this.ctx.urls.challenge}/api/v1/enterprises/me`, ent)) as {
      districtCode: string;
    };
    const district = await this.ctx.tokenFor(`org-district-${code.districtCode}`);
    const dispatch = (path: string, token: string, body?: unknown) => expectOk(this.ctx, `"${demo.content.title}" ${path}`, 'POST', `${this.di}/${id}${path}`, token, body);
    const order = (path: string, token: string, body?: unknown) => expectOk(this.ctx, `"${demo.content.title}" ${path}`, 'POST', `${this.so}/${id}${path}`, token, body);
    for (let step = 0; step < 30; step++) {
      const view = await this.order(demo, id);
      const status = view.status;
      // A timer (auto-confirmation, the appeal window) may have carried the order past its target: left there.
      if (FLOW.indexOf(status) > FLOW.indexOf(demo.target) && FLOW.includes(demo.target)) return status;
      const stopHere = status === demo.target;
      const cancelNow = demo.target === 'CANCELLED' && demo.cancelAt === status;
      if (cancelNow) {
        await order('/cancel', demo.cancelBy === 'district' ? district : ent, { reason: demo.cancelReason });
        continue;
      }
      switch (status) {
        case 'DRAFT':
          if (stopHere) return status;
          await order('/submit', ent);
          break;
        case 'SUBMITTED': {
          if (stopHere) return status;
          // matching-service opens the Dispatch from service-order.submitted.
          const open = await waitFor(async () => ((await this.ctx.call('GET', `${this.di}/${id}`, district)).status === 200 ? true : undefined), this.ctx.factWaitMs);
          if (!open) throw new Error(`matching-service has no dispatch for "${demo.content.title}"`);
          if (demo.target === 'RETURNED') await dispatch('/return', district, { reason: demo.returnReason });
          else if (demo.target === 'REJECTED') await dispatch('/reject', district, { reason: demo.rejectReason });
          else await dispatch('/accept', district);
          if ((await this.leave(demo, id, status, this.ctx.factWaitMs, 'the dispatch fact did not arrive')) === status) return status;
          break;
        }
        case 'DISTRICT_ACCEPTED': {
          if (stopHere) return status;
          const ranking = await dispatch('/ranking', district, { k: 5 });
          const ranked = (ranking.results as { candidateId: string }[]).map((r) => r.candidateId);
          const teams = ranked.slice(0, 1 + (demo.declines ?? 0));
          await dispatch('/recommendation', district, { runId: ranking.runId, teamIds: teams, alternates: ranked.slice(teams.length, teams.length + 2), overrides: [] });
          if ((await this.leave(demo, id, status, this.ctx.factWaitMs, 'the recommendation facts did not arrive')) === status) return status;
          break;
        }
        case 'RECOMMENDED':
          if ((await this.leave(demo, id, status, this.ctx.factWaitMs, 'dispatch.offered did not arrive')) === status) return status;
          break;
        case 'OFFERED': {
          const d = await expectOk<{ offers: { team: { orgId: string }; status: string }[] }>(this.ctx, 'dispatch', 'GET', `${this.di}/${id}`, district);
          const declined = d.offers.filter((o) => o.status === 'DECLINED').length;
          const pending = d.offers.find((o) => o.status === 'PENDING');
          if (!pending) return status;
          const team = await this.ctx.tokenFor(pending.team.orgId, 'team');
          if (declined < (demo.declines ?? 0)) {
            await dispatch('/offer/decline', team, { reason: '团队本月在外地驻点服务，人手不足，无法按期上门。' });
            await waitFor(async () => {
              const again = await expectOk<{ offers: { status: string }[] }>(this.ctx, 'dispatch', 'GET', `${this.di}/${id}`, district);
              return again.offers.some((o) => o.status === 'PENDING') ? true : undefined;
            }, this.ctx.factWaitMs);
            // The next team's offer keeps the order OFFERED in challenge-service: nothing to wait for there.
            continue;
          }
          if (stopHere) return status;
          await dispatch('/offer/accept', team);
          if ((await this.leave(demo, id, status, this.ctx.factWaitMs, 'dispatch.team-accepted did not arrive')) === status) return status;
          break;
        }
        case 'TEAM_ACCEPTED':
          if (stopHere) return status;
          await dispatch('/start', await this.ctx.tokenFor(view.team!.orgId, 'team'));
          if ((await this.leave(demo, id, status, this.ctx.factWaitMs, 'dispatch.service-started did not arrive')) === status) return status;
          break;
        case 'IN_SERVICE': {
          const team = await this.ctx.tokenFor(view.team!.orgId, 'team');
          const d = await expectOk<{ records: unknown[] }>(this.ctx, 'dispatch', 'GET', `${this.di}/${id}`, district);
          for (const record of (demo.records ?? []).slice(d.records.length)) {
            await dispatch('/records', team, record);
            count(this.ctx, 'service records');
          }
          if (stopHere) return status;
          if (demo.target === 'WAITING_ENTERPRISE') await dispatch('/wait', team, { reason: demo.waitReason });
          else await dispatch('/deliver', team, { summary: demo.summary ?? '服务完成，已向企业提交服务报告。' });
          if ((await this.leave(demo, id, status, this.ctx.factWaitMs, 'the dispatch fact did not arrive')) === status) return status;
          break;
        }
        case 'WAITING_ENTERPRISE':
          return status;
        case 'DELIVERED':
          if (demo.dispute) {
            if (!view.disputedAt) await order('/dispute', ent, { reason: demo.dispute });
            return status;
          }
          if (stopHere) return status;
          if (demo.autoConfirm) {
            if ((await this.leave(demo, id, status, this.ctx.timerWaitMs, 'auto-confirmation (AUTO_CONFIRM_AFTER) has not come; npm run up seeds with the demo settings')) === status)
              return status;
          } else await order('/confirm', ent);
          break;
        case 'CONFIRMED':
          if (stopHere) return status;
          await order('/rating', ent, demo.rating);
          break;
        case 'RATED': {
          if (demo.appeal) {
            const rating = await expectOk<{ appealStatus?: string | null; appeal?: unknown }>(this.ctx, 'rating', 'GET', `${this.so}/${id}/rating`, ent);
            if (!rating.appealStatus && !rating.appeal) await order('/rating/appeal', await this.ctx.tokenFor(view.team!.orgId, 'team'), { reason: demo.appeal });
            return status;
          }
          if (stopHere) return status;
          if ((await this.leave(demo, id, status, this.ctx.timerWaitMs, 'the appeal window (RATING_APPEAL_WINDOW) is still open; npm run up seeds with the demo settings')) === status)
            return status;
          break;
        }
        default:
          return status;
      }
    }
    return (await this.order(demo, id)).status;
  }
}
