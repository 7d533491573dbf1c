import { randomUUID } from 'node:crypto';
import { eventually, http, mintToken, principals } from '@jiebang/testing';
import type { RunningSystem } from './system';

/** A service order's content as the enterprise writes it (the district is the enterprise's own). */
export const orderBody = (title: string, over: Record<string, unknown> = {}) => ({
  title,
  description: '电池包壳体铝合金压铸件出现气孔与缩松，气密性检测不合格，希望特派员团现场诊断高压铸造工艺。',
  fields: ['light-metal'],
  urgency: 'NORMAL',
  serviceMode: 'ON_SITE',
  window: { from: '2027-01-04', to: '2027-03-31' },
  contact: { name: '张工', phone: '13800000000' },
  ...over,
});

export interface Team {
  id: string;
  orgId: string;
  name: string;
  token: string;
}

/**
 * Registers a team profile in matching-service as the bureau does (`PUT /profiles/:id`), and mints a token for a
 * member of its organisation (role team). Teams made from the same `content` are equals for the matcher.
 */
export async function registerTeam(system: RunningSystem, name: string, content: Record<string, unknown>, orgId = `org-team-${randomUUID().slice(0, 8)}`): Promise<Team> {
  const id = randomUUID();
  const res = await http('PUT', `${system.urls.matching}/api/v1/profiles/${id}`, {
    token: await mintToken(principals.bureau),
    body: { kind: 'team', districtCode: '500107', maxLoad: 5, ...content, name, orgId, orgName: `${name}依托单位` },
  });
  if (res.status !== 200 && res.status !== 201) throw new Error(`PUT profile ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  const token = await mintToken({ sub: `u-${orgId}`, role: 'team', orgId, orgName: name });
  return { id, orgId, name, token };
}

/** Every party's HTTP calls on one system: the order in challenge-service, its dispatch in matching-service. */
export function workflowApi(system: RunningSystem) {
  const orders = `${system.urls.challenge}/api/v1/service-orders`;
  const dispatches = `${system.urls.matching}/api/v1/dispatches`;
  return {
    order: (id: string, token: string) => http('GET', `${orders}/${id}`, { token }),
    orderPost: (id: string, path: string, token: string, body?: unknown) => http('POST', `${orders}/${id}/${path}`, { token, body }),
    timeline: async (id: string, token: string) => ((await http('GET', `${orders}/${id}/timeline`, { token })).body as { action: string }[]).map((t) => t.action),
    dispatch: (id: string, token: string) => http('GET', `${dispatches}/${id}`, { token }),
    dispatchPost: (id: string, path: string, token: string, body?: unknown) => http('POST', `${dispatches}/${id}/${path}`, { token, body }),
    inbox: async (token: string) =>
      ((await http('GET', `${system.urls.notification}/api/v1/notifications?pageSize=100`, { token })).body.items as { title: string }[]).map((n) => n.title),

    /** Draft and submit as the enterprise; resolves once matching has queued its dispatch. */
    async place(enterprise: string, district: string, body: object): Promise<string> {
      const draft = await http('POST', orders, { token: enterprise, body });
      if (draft.status !== 201) throw new Error(`draft: ${draft.status} ${JSON.stringify(draft.body)}`);
      const submitted = await http('POST', `${orders}/${draft.body.id}/submit`, { token: enterprise });
      if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
      await this.dispatchIn(draft.body.id, district, 'QUEUED');
      return draft.body.id as string;
    },

    async orderIn(id: string, token: string, status: string, timeoutMs = 30_000) {
      return eventually(async () => {
        const res = await http('GET', `${orders}/${id}`, { token });
        expect(res.body.status).toBe(status);
        return res.body;
      }, timeoutMs);
    },

    async dispatchIn(id: string, token: string, status: string, timeoutMs = 30_000) {
      return eventually(async () => {
        const res = await http('GET', `${dispatches}/${id}`, { token });
        expect(res.body.status).toBe(status);
        return res.body;
      }, timeoutMs);
    },

    /** The district accepts the order and ranks teams for it (a recorded run): the ranked profile ids in order. */
    async acceptAndRank(id: string, district: string): Promise<{ runId: string; ranked: string[]; excluded: { candidateId: string; violations: { rule: string }[] }[] }> {
      const accepted = await http('POST', `${dispatches}/${id}/accept`, { token: district });
      if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
      const ranking = await http('POST', `${dispatches}/${id}/ranking`, { token: district, body: { k: 10 } });
      if (ranking.status !== 200) throw new Error(`ranking: ${ranking.status} ${JSON.stringify(ranking.body)}`);
      return { runId: ranking.body.runId, ranked: ranking.body.results.map((r: { candidateId: string }) => r.candidateId), excluded: ranking.body.excluded };
    },

    /** 区县推荐 from the run: `teamIds` in order (the first is offered at once), no alternates or overrides. */
    async recommend(id: string, district: string, runId: string, teamIds: string[]) {
      const res = await http('POST', `${dispatches}/${id}/recommendation`, { token: district, body: { runId, teamIds } });
      if (res.status !== 200) throw new Error(`recommendation: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },

    /** Waits until the dispatch's pending offer is `team`'s (the district's view lists every offer). */
    async offeredTo(id: string, district: string, team: Team, timeoutMs = 30_000) {
      return eventually(async () => {
        const res = await http('GET', `${dispatches}/${id}`, { token: district });
        const pending = (res.body.offers as { status: string; team: { profileId: string } }[]).find((o) => o.status === 'PENDING');
        expect(pending?.team.profileId).toBe(team.id);
      }, timeoutMs);
    },
  };
}

export type WorkflowApi = ReturnType<typeof workflowApi>;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
