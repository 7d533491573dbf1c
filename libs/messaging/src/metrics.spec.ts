import { register } from 'prom-client';
import { consumerLag, queueDepth, sampleConsumerLag, watchQueueDepth, type LagAdmin } from './metrics';

/** A broker as the admin client reports it: committed offsets per group, watermarks per partition. */
function admin(committed: Record<number, string>, watermarks: { low: string; high: string }[]): LagAdmin {
  return {
    fetchOffsets: async ({ topics }) =>
      topics.map((topic) => ({ topic, partitions: Object.entries(committed).map(([p, offset]) => ({ partition: Number(p), offset })) })),
    fetchTopicOffsets: async () => watermarks.map((w, partition) => ({ partition, ...w })),
  };
}

describe('consumer lag', () => {
  beforeEach(() => consumerLag.reset());

  it('is the high watermark minus the committed offset, per partition', async () => {
    const lags = await sampleConsumerLag(admin({ 0: '10', 1: '7' }, [{ low: '0', high: '12' }, { low: '0', high: '7' }]), 'g', ['t'], true);
    expect(lags).toEqual([
      { topic: 't', partition: 0, lag: 2 },
      { topic: 't', partition: 1, lag: 0 },
    ]);
    const metric = await consumerLag.get();
    expect(metric.values.find((v) => v.labels.partition === '0')).toMatchObject({ value: 2, labels: { group: 'g', topic: 't' } });
  });

  it('counts what the broker still holds on a partition the group never committed on, if it reads from the beginning', async () => {
    const watermarks = [{ low: '3', high: '8' }];
    expect((await sampleConsumerLag(admin({ 0: '-1' }, watermarks), 'g', ['t'], true))[0].lag).toBe(5);
    expect((await sampleConsumerLag(admin({}, watermarks), 'g', ['t'], false))[0].lag).toBe(0);
  });

  it('asks nothing for a service that consumes no topic', async () => {
    const fetchOffsets = jest.fn();
    expect(await sampleConsumerLag({ fetchOffsets, fetchTopicOffsets: jest.fn() }, 'g', [], true)).toEqual([]);
    expect(fetchOffsets).not.toHaveBeenCalled();
  });
});

describe('queue depth', () => {
  it('reads watched queues at scrape time, leaves out one that does not answer, and forgets a queue unwatched', async () => {
    const healthy = { name: 'q-ok', getJobCounts: async () => ({ waiting: 3, delayed: 1 }) };
    const broken = { name: 'q-down', getJobCounts: () => Promise.reject(new Error('Redis is away')) };
    const unwatch = watchQueueDepth(healthy, broken);
    const text = await register.getSingleMetricAsString('jiebang_queue_jobs');
    expect(text).toContain('jiebang_queue_jobs{queue="q-ok",state="waiting"} 3');
    expect(text).toContain('jiebang_queue_jobs{queue="q-ok",state="delayed"} 1');
    expect(text).not.toContain('q-down');
    unwatch();
    expect((await queueDepth.get()).values).toEqual([]);
  });
});
