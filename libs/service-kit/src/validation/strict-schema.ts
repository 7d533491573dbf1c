import { z } from 'zod';

/** Wrappers whose `innerType` is the schema that matters (their own behaviour is kept by cloning their def). */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']);

/**
 * `schema` with every object at every level strict (unknown keys refused, each named in the error), objects that
 * chose their extra keys (`z.looseObject`, `.catchall(…)`) and records left as they are. Request bodies reuse the
 * contracts' content schemas, which are lenient on purpose (an event consumer tolerates fields added later); at the
 * HTTP edge an unknown field is a typo or mass assignment and is refused. Checks and refinements are kept: the
 * clone copies each def.
 */
export function deepStrict<T extends z.ZodType>(schema: T): T {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const clone = (changes: Record<string, unknown>) => schema.clone({ ...def, ...changes } as never) as T;
  if (def.type === 'object') {
    const shape = Object.fromEntries(Object.entries(def.shape as Record<string, z.ZodType>).map(([k, v]) => [k, deepStrict(v)]));
    return clone({ shape, catchall: def.catchall ?? z.never() });
  }
  if (def.type === 'array') return clone({ element: deepStrict(def.element as z.ZodType) });
  if (def.type === 'union') return clone({ options: (def.options as z.ZodType[]).map(deepStrict) });
  if (def.type === 'pipe') return clone({ in: deepStrict(def.in as z.ZodType) });
  if (WRAPPERS.has(def.type)) return clone({ innerType: deepStrict(def.innerType as z.ZodType) });
  return schema;
}

/**
 * The JSON-Schema paths of objects in `schema` that accept unknown keys. Request bodies must have none: an unknown
 * field is refused with a 400 naming it (mass assignment, typos), never dropped. Records (`z.record`) declare their
 * keys as data and are allowed.
 */
export function looseObjectPaths(schema: z.ZodType): string[] {
  const found: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (n.type === 'object' && n.properties !== undefined && n.additionalProperties !== false) found.push(path || '(body)');
    for (const [key, child] of Object.entries(n)) walk(child, path ? `${path}.${key}` : key);
  };
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), '');
  return found;
}
