import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { STREAMS } from '@jiebang/contracts';
import { eventually, http, produceRaw, principals } from '@jiebang/testing';

export const orderBody = {
  title: '压铸件气孔导致气密性不合格',
  description: '电池包壳体压铸件机加工后出现气孔，希望特派员团现场诊断工艺参数。',
  urgency: 'HIGH',
  serviceMode: 'ON_SITE',
  window: { from: '2027-01-04', to: '2027-01-29' },
  contact: { name: '张工', phone: '13800000000' },
};

/** The serving team as dispatch facts name it: the `team` test principal's organisation. */
export const servingTeam = { profileId: '170d8d42-cc86-575c-80d1-7de9cd1e6cc9', orgId: principals.team.orgId, name: '压铸工艺科技特派员团' };

/** The golden fixture of a dispatch fact, about `orderId`, at `sequence`, now, naming the serving team. */
export function dispatchFact(type: string, orderId: string, sequence: number, data: Record<string, unknown> = {}) {
  const fixture = JSON.parse(readFileSync(resolve(__dirname, `../../../../libs/contracts/fixtures/${type}.v1.json`), 'utf8'));
  const team = 'team' in fixture.data && fixture.data.team !== null ? { team: servingTeam } : {};
  return { ...fixture, id: randomUUID(), subject: orderId, sequence, time: new Date().toISOString(), data: { ...fixture.data, ...team, ...data } };
}

export async function publishDispatch(namespace: string, ...events: { subject: string }[]): Promise<void> {
  await produceRaw(
    namespace,
    STREAMS.dispatch.topic,
    events.map((e) => ({ key: e.subject, value: JSON.stringify(e) })),
  );
}

export const TO_DELIVERED = [
  'dispatch.accepted',
  'dispatch.recommended',
  'dispatch.offered',
  'dispatch.team-accepted',
  'dispatch.service-started',
  'dispatch.delivered',
];

/** Creates and submits an order as `enterpriseToken`; answers its id. */
export async function submittedOrder(api: string, enterpriseToken: string): Promise<string> {
  const draft = await http('POST', api, { token: enterpriseToken, body: orderBody });
  if (draft.status !== 201) throw new Error(`draft: ${draft.status} ${JSON.stringify(draft.body)}`);
  const submitted = await http('POST', `${api}/${draft.body.id}/submit`, { token: enterpriseToken });
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return draft.body.id;
}

/** Publishes the dispatch facts `types` (sequences 1…n) and waits until the order shows `status`. */
export async function driveTo(api: string, namespace: string, token: string, orderId: string, types: string[], status: string) {
  await publishDispatch(namespace, ...types.map((t, i) => dispatchFact(t, orderId, i + 1)));
  return eventually(async () => {
    const order = await http('GET', `${api}/${orderId}`, { token });
    expect(order.body.status).toBe(status);
    return order.body;
  }, 30_000);
}
