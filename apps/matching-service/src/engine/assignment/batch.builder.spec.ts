import { threadId } from 'node:worker_threads';
import { add, profile, testEngine } from '../../testing/engine-fixtures';
import { DEFAULT_WEIGHTS } from '../weights';
import type { BatchRequest } from './batch';
import { runBatch } from './batch.builder';

const casting = (id: string, over: Parameters<typeof profile>[0] = {}) =>
  profile({ id, capabilities: '铝合金压铸件气孔、缩松缺陷控制与气密性检测', keywords: ['气孔'], fields: ['light-metal'], ...over });

function request(over: Partial<BatchRequest> = {}): BatchRequest {
  return {
    wants: 'team',
    k: 1,
    minLoad: 0,
    alternates: 2,
    conflicts: [],
    items: ['order-a', 'order-b'].map((id) => ({
      id,
      title: '',
      text: '压铸件机加工后冒小坑，打压泄漏',
      keywords: [],
      fields: [],
      districtCode: '500112',
      enterpriseOrgId: `org-${id}`,
      relatedOrgIds: [],
    })),
    ...over,
  };
}

const run = (engine: ReturnType<typeof testEngine>, r: BatchRequest) =>
  runBatch(engine, { request: r, district: '500112', weights: DEFAULT_WEIGHTS, now: new Date('2026-03-01'), edgesPerItem: 10 }, async () => undefined);

describe('a batch from need texts to an explained assignment', () => {
  it('never assigns a declared conflict, says why, and keeps each candidate within its load', async () => {
    const engine = testEngine();
    ['t1', 't2', 't3'].forEach((id) => add(engine, casting(id)));
    const result = await run(engine, request({ maxLoad: 1, conflicts: [{ itemId: 'order-a', candidateId: 't1', reason: '近三年合作' }] }));
    const a = result.items.find((i) => i.itemId === 'order-a')!;
    expect(a.assigned.map((x) => x.candidateId)).not.toContain('t1');
    expect(a.excluded).toEqual([expect.objectContaining({ candidateId: 't1', violations: [expect.objectContaining({ rule: 'CONFLICT_DECLARED' })] })]);
    expect(a.excluded[0].violations[0].message).toContain('近三年合作');
    expect(result.loads.every((l) => l.load <= 1)).toBe(true);
    expect(result.status).toBe('COMPLETED');
    expect(a.assigned[0].matchedTerms.some((t) => t.via === 'thesaurus')).toBe(true);
  });

  it('applies the hard constraints per item: the enterprise’s own team serves the other order only', async () => {
    const engine = testEngine();
    add(engine, casting('own', { orgId: 'org-order-a' }));
    add(engine, casting('other'));
    const result = await run(engine, request({ maxLoad: 1 }));
    const byItem = Object.fromEntries(result.items.map((i) => [i.itemId, i.assigned.map((x) => x.candidateId)]));
    expect(byItem).toEqual({ 'order-a': ['other'], 'order-b': ['own'] });
    expect(result.items[0].excluded[0].violations[0].rule).toBe('CONFLICT_SAME_ORG');
  });

  it('reports the items it could not fill when candidates run out', async () => {
    const engine = testEngine();
    add(engine, casting('only'));
    const result = await run(engine, request({ maxLoad: 1 }));
    expect(result.status).toBe('INFEASIBLE');
    expect(result.items.reduce((s, i) => s + i.missing, 0)).toBe(1);
    expect(result.feasibility.map((p) => p.code)).toContain('DEMAND_EXCEEDS_CAPACITY');
  });

  it('explains a minimum load above a candidate’s free capacity instead of failing, and binds no suspended or full candidate', async () => {
    const engine = testEngine();
    add(engine, casting('roomy'));
    add(engine, casting('nearly-full', { maxLoad: 5 }), { openLoad: 4 });
    add(engine, casting('full', { maxLoad: 3 }), { openLoad: 3 });
    add(engine, casting('suspended', { suspended: true }));
    const result = await run(engine, request({ k: 1, minLoad: 2 }));
    expect(result.status).toBe('INFEASIBLE');
    const above = result.feasibility.filter((p) => p.code === 'MIN_LOAD_ABOVE_CAPACITY');
    expect(above).toEqual([expect.objectContaining({ candidateId: 'nearly-full' })]);
    expect(above[0].message).toContain('最多还能承担 1 项，低于最低负荷 2');
    expect(result.loads.map((l) => l.candidateId).sort()).toEqual(['nearly-full', 'roomy']);
    expect(result.optimal.assignedSlots).toBe(2);
  });

  it('solves on a worker thread, never on the event loop that serves HTTP', async () => {
    const engine = testEngine();
    ['t1', 't2'].forEach((id) => add(engine, casting(id)));
    const result = await run(engine, request());
    expect(result.solver.threadId).toBeGreaterThan(0);
    expect(result.solver.threadId).not.toBe(threadId);
  });
});
