import { describeChange } from './probe-state';

describe('describeChange: one log line per change of a probe, none per poll', () => {
  const up = { up: true, down: [] };
  const kafkaDown = { up: false, down: ['kafka'] };

  it('is silent for a first healthy answer and for an unchanged one', () => {
    expect(describeChange('ready', undefined, up)).toBeNull();
    expect(describeChange('ready', up, up)).toBeNull();
    expect(describeChange('ready', kafkaDown, { up: false, down: ['kafka'] })).toBeNull();
  });

  it('names what went down, what else went down later, and the recovery', () => {
    expect(describeChange('ready', up, kafkaDown)).toBe('health/ready: not ready (down: kafka)');
    expect(describeChange('ready', undefined, kafkaDown)).toBe('health/ready: not ready (down: kafka)');
    expect(describeChange('ready', kafkaDown, { up: false, down: ['kafka', 'redis'] })).toBe('health/ready: not ready (down: kafka, redis)');
    expect(describeChange('live', kafkaDown, up)).toBe('health/live: recovered');
  });
});
