import { ConfigError, queuePrefix } from '@jiebang/service-kit';
import { loadConfig } from './config';

describe('challenge-service configuration', () => {
  it('gives the bureau 5 working days to start vetting unless told otherwise', () => {
    expect(loadConfig({}).VETTING_SLA).toEqual({ kind: 'working-days', days: 5, text: '5wd' });
    expect(loadConfig({ VETTING_SLA: '30s' }).VETTING_SLA).toEqual({ kind: 'fixed', ms: 30_000, text: '30s' });
    expect(loadConfig({ VETTING_SLA: '2h' }).VETTING_SLA).toMatchObject({ kind: 'fixed', ms: 7_200_000 });
  });

  it('stops the boot on a duration it cannot read, saying what it expects', () => {
    expect(() => loadConfig({ VETTING_SLA: '5 days' })).toThrow(ConfigError);
    expect(() => loadConfig({ VETTING_SLA: '5 days' })).toThrow(/VETTING_SLA: .*5wd \(working days\).*\(got "5 days"\)/);
  });

  it('keeps the BullMQ keys of each topic namespace apart', () => {
    expect(queuePrefix(loadConfig({}))).toBe('jiebang');
    expect(queuePrefix(loadConfig({ KAFKA_TOPIC_NAMESPACE: 't1' }))).toBe('jiebang-t1');
    expect(queuePrefix(loadConfig({ KAFKA_TOPIC_NAMESPACE: 't1', QUEUE_PREFIX: 'staging' }))).toBe('staging');
  });
});
