/** A JSON token written as is (numbers JSON.stringify cannot produce, nesting too deep to build as objects). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of `value`, with each `RawJson` inside spliced in verbatim. */
export function serialize(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof RawJson ? `\u0001raw${raws.push(v.text) - 1}\u0001` : v));
  return text.replace(/"\\u0001raw(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)]);
}

export type Path = (string | number)[];
type Json = Record<string, unknown> | unknown[];

/** A deterministic source of choices (mulberry32), so a seed replays the same requests. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

/** A seed per name (an operation id) derived from the run's seed: FNV-1a over both. */
export function seedFor(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof RawJson);

/** Paths of every object inside `value` (the root included), where a field can be added. */
export function objectPaths(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...path, i]));
  if (!isPlainObject(value)) return [];
  return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...path, k]))];
}

/** Paths of every value inside `value` but the root: the fields a mutation can replace or drop. */
export function fieldPaths(value: unknown, path: Path = []): Path[] {
  const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : isPlainObject(value) ? Object.entries(value) : [];
  return children.flatMap(([k, v]) => [[...path, k], ...fieldPaths(v, [...path, k])]);
}

function at(root: unknown, path: Path): any {
  return path.reduce<any>((node, key) => node[key], root);
}

/** A deep copy of `body` with the value at `path` replaced (`undefined`: removed). */
export function replaceAt(body: Json, path: Path, value: unknown): Json {
  const copy = structuredClone(body);
  const parent = at(copy, path.slice(0, -1));
  const key = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else {
    parent[key] = value;
  }
  return copy;
}

export const UNUSUAL_TEXT = [
  '\u202Eevil\u202C', // right-to-left override
  '👩‍👩‍👧‍👦🇨🇳', // ZWJ sequence, flag
  '\uD800', // lone high surrogate
  '\uDFFF\uD800', // reversed surrogates
  'e\u0301\u0301\u0301', // stacked combining marks
  '\u200B\u200D\uFEFF', // zero-width characters, BOM
  '\uFFFF\uFFFE',
  'ＡＢＣ１２３　全角',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '%00%ff',
  '   ',
  '\t\r\n',
];
export const NUL_TEXT = ['\u0000', 'a\u0000b', '正常文本\u0000'];
export const ODD_NUMBERS: unknown[] = [
  -1,
  0,
  -0.5,
  0.5,
  1.5,
  2 ** 31,
  2 ** 53 + 2,
  1e21,
  1e308,
  -1e308,
  1e-300,
  new RawJson('1e999'),
  new RawJson('-1e999'),
  new RawJson('123456789012345678901234567890'),
];
export const WRONG_TYPES: unknown[] = [0, 1, true, false, 'text', '', [], [1, 'a'], {}, { a: 1 }];
export const EMPTY_VALUES: unknown[] = ['', [], {}];

/** A string of `bytes` ASCII characters (with two JSON quotes ≈ one field of that many bytes). */
export const hugeText = (bytes: number) => 'x'.repeat(bytes);
/** `depth` nested arrays, written directly as JSON (building it as objects would overflow the stack first). */
export const deepNesting = (depth: number) => new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`);

export const BODY_KINDS = ['valid', 'missing', 'extra', 'wrong-type', 'null', 'empty', 'unicode', 'nul', 'number', 'valid', 'huge', 'deep'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export interface BodyMutation {
  kind: BodyKind;
  body: unknown;
  /** The field a 400 must name (an added unknown field), as the error's `details.field` spells it. */
  field?: string;
}

const EXTRA_KEY = 'fuzzUnknownField';

/** `valid` with an unknown field added to the object at `target` (the root: []); a strict body must refuse it. */
export function withUnknownField(valid: unknown, target: Path): BodyMutation {
  const root = isPlainObject(valid) ? valid : {};
  const body = target.length ? replaceAt(root, [...target, EXTRA_KEY], 1) : { ...root, [EXTRA_KEY]: 1 };
  return { kind: 'extra', body, field: [...target, EXTRA_KEY].join('.') };
}

/** The kinds tried on every field of a body, one request each. */
export const FIELD_KINDS = ['missing', 'wrong-type', 'null', 'empty', 'unicode', 'nul', 'number'] as const satisfies readonly BodyKind[];

/**
 * `valid` mutated by `kind` at `at` (default: a field `rng` picks); a body with no field gets the change at its root.
 */
export function mutateBody(valid: unknown, kind: BodyKind, rng: Rng, at_?: Path): BodyMutation {
  const root: Json = isPlainObject(valid) || Array.isArray(valid) ? valid : {};
  const fields = fieldPaths(root);
  const field: Path | undefined = at_ ?? (fields.length ? rng.pick(fields) : undefined);
  const set = (value: unknown): BodyMutation => ({ kind, body: field ? replaceAt(root, field, value) : value });
  switch (kind) {
    case 'valid':
      return { kind, body: valid };
    case 'missing':
      return field ? { kind, body: replaceAt(root, field, undefined) } : { kind, body: {} };
    case 'extra':
      return withUnknownField(root, rng.pick(objectPaths(root).length ? objectPaths(root) : [[]]));
    case 'wrong-type': {
      const current = field ? at(root, field) : root;
      // A string stays a string half the time: text of the wrong form (not a URL, not a date) is the subtle case.
      if (typeof current === 'string' && rng.next() < 0.5) return set(rng.pick(['text', 'not a url', '2026-13-45', 'x']));
      return set(rng.pick(WRONG_TYPES.filter((v) => typeof v !== typeof current || Array.isArray(v) !== Array.isArray(current))));
    }
    case 'null':
      return set(null);
    case 'empty':
      return set(rng.pick(EMPTY_VALUES));
    case 'unicode':
      return set(rng.pick(UNUSUAL_TEXT));
    case 'nul':
      return rng.next() < 0.2 ? { kind, body: { ...(isPlainObject(root) ? root : {}), 'key\u0000': 'v' } } : set(rng.pick(NUL_TEXT));
    case 'number':
      return set(rng.pick(ODD_NUMBERS));
    case 'huge':
      // Just under the default 1 MB limit (the field itself must be refused) or CJK over it (the parser's 413).
      return set(rng.next() < 0.5 ? hugeText(1_000_000) : '汉'.repeat(400_000));
    case 'deep':
      return set(deepNesting(rng.next() < 0.5 ? 1_000 : 100_000));
  }
}

/** Whole bodies that are not the object a route expects, or not JSON at all. */
export const ODD_BODIES: { name: string; text: string; contentType?: string; status?: number[]; field?: string }[] = [
  { name: 'empty object', text: '{}' },
  { name: 'array', text: '[]' },
  { name: 'null', text: 'null' },
  { name: 'string', text: '"text"' },
  { name: 'number', text: '0' },
  { name: 'array of object', text: '[{}]' },
  { name: '__proto__ key', text: '{"__proto__":{"isAdmin":true}}', status: [400] },
  { name: 'constructor key', text: '{"constructor":{"prototype":{"isAdmin":true}}}', status: [400] },
  { name: 'truncated JSON', text: '{"a":', status: [400] },
  { name: 'trailing comma', text: '{"a":1,}', status: [400] },
  { name: 'JSON with BOM', text: '\uFEFF{}' },
  { name: 'text/plain', text: '{}', contentType: 'text/plain', status: [415] },
  { name: 'form', text: 'reason=x&a=1', contentType: 'application/x-www-form-urlencoded', status: [415] },
  { name: 'xml', text: '<a/>', contentType: 'application/xml', status: [415] },
  { name: 'multipart', text: '--b\r\n\r\n--b--', contentType: 'multipart/form-data; boundary=b', status: [415] },
  { name: 'no content type', text: '{}', contentType: '', status: [415] },
  { name: 'latin1 charset', text: '{}', contentType: 'application/json; charset=latin1', status: [415] },
  { name: 'over the limit', text: `{"x":"${'汉'.repeat(400_000)}"}`, status: [413] },
];

/** Path parameter values that must be refused (400) or not found (404), never a 500. */
export const MALFORMED_IDS = [
  'not-an-id',
  '0',
  '-1',
  '1.5',
  '1e3',
  '99999999999999999999',
  '2147483648',
  '%FF',
  '%00',
  '%E0%A4%A',
  encodeURIComponent('😀'),
  encodeURIComponent("' OR 1=1 --"),
  encodeURIComponent(' '),
  'x'.repeat(2000),
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '%2e%2e',
];

/** Query values of the wrong shape for any parameter. */
export const ODD_QUERY_VALUES = ['', '-1', '0', '1.5', '1e400', '99999999999999999999', 'NaN', 'true', '%00', '%FF', encodeURIComponent('\u202E😀'), 'x'.repeat(4000)];
