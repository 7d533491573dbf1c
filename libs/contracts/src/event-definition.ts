import { z } from 'zod';
import type { Envelope } from './envelope';
import type { StreamName } from './topics';

/** One event type at one major version: its stream and the schema of its `data`. */
export interface EventDefinition<TType extends string = string, TSchema extends z.ZodType = z.ZodType> {
  readonly type: TType;
  readonly version: number;
  readonly stream: StreamName;
  /** Shown to operators (DLQ tool, docs); the notification catalogue has its own user-facing wording. */
  readonly description: string;
  readonly data: TSchema;
}

export function defineEvent<TType extends string, TSchema extends z.ZodType>(
  def: EventDefinition<TType, TSchema>,
): EventDefinition<TType, TSchema> {
  return def;
}

/** The full envelope type of a definition, with `data` inferred from its schema (never written twice). */
export type EventOf<D> = D extends EventDefinition<infer T, infer S> ? Envelope<T, z.infer<S>> : never;
export type DataOf<D> = D extends EventDefinition<string, infer S> ? z.infer<S> : never;

export function eventKey(type: string, version: number): string {
  return `${type}@v${version}`;
}
