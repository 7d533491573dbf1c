import { logLevel } from 'kafkajs';
import { kafkaLogCreator, kafkaLogSeverity } from './kafka-log';

describe('kafkaLogSeverity: routine client messages are not errors', () => {
  it.each([
    '[Runner] The group is rebalancing, re-joining',
    '[Connection] Connection error: connect ECONNREFUSED 127.0.0.1:9092',
    '[BrokerPool] Failed to connect to seed broker, trying another broker from the list: Connection timeout',
    'The coordinator is not aware of this member',
    '[Consumer] Restarting the consumer in 300ms',
  ])('%s → warn', (message) => {
    expect(kafkaLogSeverity(logLevel.ERROR, message)).toBe('warn');
  });

  it('keeps a real error an error, and other levels as they are', () => {
    expect(kafkaLogSeverity(logLevel.ERROR, '[Producer] Topic authorization failed')).toBe('error');
    expect(kafkaLogSeverity(logLevel.WARN, 'anything')).toBe('warn');
    expect(kafkaLogSeverity(logLevel.INFO, 'Consumer has joined the group')).toBe('log');
    expect(kafkaLogSeverity(logLevel.DEBUG, 'request')).toBe('debug');
  });

  it('writes the message and the error through the logger', () => {
    const lines: string[] = [];
    const logger = { error: (m: string) => lines.push(`E ${m}`), warn: (m: string) => lines.push(`W ${m}`), log: (m: string) => lines.push(`L ${m}`) };
    const write = kafkaLogCreator(logger)(logLevel.ERROR);
    write({ namespace: 'Runner', level: logLevel.ERROR, label: 'ERROR', log: { message: 'The group is rebalancing, re-joining', error: 'x', timestamp: '' } });
    write({ namespace: 'Producer', level: logLevel.ERROR, label: 'ERROR', log: { message: 'Topic authorization failed', timestamp: '' } });
    expect(lines).toEqual(['W The group is rebalancing, re-joining: x', 'E Topic authorization failed']);
  });
});
