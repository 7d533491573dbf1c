import type { LoggerService } from '@nestjs/common';
import { logLevel, type logCreator } from 'kafkajs';

/**
 * kafkajs reports a group rebalance, a lost connection it is about to retry, or a coordinator change at ERROR level,
 * although each is routine and recovers by itself. Logged as errors they page operators for nothing and bury the
 * real ones, so they are warnings here; anything else keeps its level.
 */
const ROUTINE = [
  /rebalanc/i,
  /re-?join/i,
  /not aware of this member/i,
  /not the (group )?coordinator/i,
  /coordinator (is )?(not available|loading)/i,
  /connection (error|timeout|closed|refused)|ECONNREFUSED|ECONNRESET|socket hang up/i,
  /reconnect/i,
  /restarting the consumer/i,
];

export type KafkaLogSeverity = 'error' | 'warn' | 'log' | 'debug';

export function kafkaLogSeverity(level: logLevel, message: string): KafkaLogSeverity {
  if (level === logLevel.ERROR || level === logLevel.NOTHING) return ROUTINE.some((r) => r.test(message)) ? 'warn' : 'error';
  if (level === logLevel.WARN) return 'warn';
  if (level === logLevel.INFO) return 'log';
  return 'debug';
}

/** A kafkajs logCreator writing through a Nest logger with the severities above. */
export function kafkaLogCreator(logger: LoggerService): logCreator {
  return () =>
    ({ level, log }) => {
      const { message, error } = log as { message: string; error?: string };
      const line = `${message}${error ? `: ${error}` : ''}`;
      const severity = kafkaLogSeverity(level, line);
      if (severity === 'debug') logger.debug?.(line);
      else logger[severity](line);
    };
}
