import fc from 'fast-check';

/** The part of OpenAPI 3.0 / JSON Schema that zod's `toJSONSchema` emits for request bodies and parameters. */
export interface JsonSchema {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  default?: unknown;
}

// Valid values stay small: the mutations bring the big ones. Arrays and free text are capped so a body is cheap.
const MAX_ITEMS = 3;
const MAX_TEXT = 40;

function stringArbitrary(s: JsonSchema): fc.Arbitrary<string> {
  const minLength = s.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(s.maxLength ?? MAX_TEXT, MAX_TEXT));
  if (s.format === 'uuid') return fc.uuid({ version: 4 });
  if (s.format === 'date-time') return fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'date') return fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'email') return fc.emailAddress().filter((e) => /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(e));
  if (s.format === 'uri') return fc.webUrl({ validSchemes: ['https'] }).filter((u) => u.length <= (s.maxLength ?? 500));
  if (s.pattern !== undefined) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= minLength && v.length <= (s.maxLength ?? Infinity));
    } catch {
      // a pattern JavaScript cannot compile: fall through to plain text, the service will say it is wrong
    }
  }
  // zod counts UTF-16 code units, fast-check graphemes: a grapheme may be several units, hence the filter.
  return fc.string({ minLength, maxLength, unit: 'grapheme' }).filter((v) => v.length <= maxLength);
}

function bound(limit: number | boolean | undefined, inclusive: number | undefined, step: number): number | undefined {
  if (typeof limit === 'number') return limit + step;
  return inclusive === undefined ? undefined : limit === true ? inclusive + step : inclusive;
}

function numberArbitrary(s: JsonSchema): fc.Arbitrary<number> {
  const integer = s.type === 'integer';
  const step = integer ? 1 : Number.EPSILON;
  const min = bound(s.exclusiveMinimum, s.minimum, step) ?? -1_000_000;
  const max = bound(s.exclusiveMaximum, s.maximum, -step) ?? 1_000_000;
  // Mostly values near the lower bound (counts, money), sometimes anywhere in the range.
  const near = Math.min(max, min + 1000);
  if (integer) {
    const lo = Math.max(Math.ceil(min), Number.MIN_SAFE_INTEGER);
    const hi = Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER);
    return fc.oneof(fc.integer({ min: lo, max: Math.min(hi, Math.floor(near)) }), fc.integer({ min: lo, max: hi }));
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function objectArbitrary(s: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const properties = s.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, arbitraryFor(v)]));
  return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in properties) }) as fc.Arbitrary<Record<string, unknown>>;
}

/** Values that satisfy `schema` as far as JSON Schema can say (zod refinements across fields may still refuse them). */
export function arbitraryFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const base = baseArbitrary(schema);
  return schema.nullable ? fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
}

function baseArbitrary(s: JsonSchema): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum !== undefined && s.enum.length > 0) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives !== undefined && alternatives.length > 0) return fc.oneof(...alternatives.map(arbitraryFor));
  if (s.allOf !== undefined && s.allOf.length > 0) return arbitraryFor(s.allOf[0]);
  switch (s.type) {
    case 'string':
      return stringArbitrary(s);
    case 'integer':
    case 'number':
      return numberArbitrary(s);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = s.minItems ?? 0;
      return fc.array(arbitraryFor(s.items ?? {}), { minLength, maxLength: Math.max(minLength, Math.min(s.maxItems ?? MAX_ITEMS, MAX_ITEMS)) });
    }
    case 'object':
      return s.properties === undefined ? fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 3 }) : objectArbitrary(s);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
